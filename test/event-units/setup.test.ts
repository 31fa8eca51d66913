import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type EventUnitsSetup } from '../../src/contract/event-units.ts';
import { applyEventUnitsSetup, readEventUnitsSetup } from '../../src/server/event-units/service.ts';
import { systemActor } from '../../src/server/http/actor.ts';
import { type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const hospitalGroup: EventUnitsSetup = {
  unitlessLabel: 'Hela sjukhusgruppen',
  units: [
    { code: 'SG', name: 'Sjukhusgruppen', shortName: 'SG', kind: 'group', parentCode: null },
    {
      code: 'SÄS',
      name: 'Södra Älvsborgs Sjukhus',
      shortName: 'SÄS',
      kind: 'hospital',
      parentCode: 'SG',
    },
    {
      code: 'SKAS',
      name: 'Skaraborgs Sjukhus',
      shortName: 'SkaS',
      kind: 'hospital',
      parentCode: 'SG',
    },
    {
      code: 'NH',
      name: 'Närhälsan',
      shortName: 'Närhälsan',
      kind: 'primary_care',
      parentCode: null,
    },
  ],
};

for (const dialect of testDialects()) {
  describe(`the units part of an event set-up on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

    const freshEvent = async (name: string): Promise<number> => {
      const admin = await t.login(adminEmail);
      return (await admin.post('/api/events', { name })).json().id;
    };
    const apply = (eventId: number, setup: EventUnitsSetup) =>
      t.database.db
        .transaction()
        .execute((trx) => applyEventUnitsSetup(trx, eventId, setup, systemActor));

    it('reads the demo event as a set-up and gives a fresh event the same units', async () => {
      const demo = await readEventUnitsSetup(t.database.db, t.eventId);
      assert.deepEqual(
        demo.units.map((unit) => unit.code),
        ['SÄS', 'NH', 'RH', 'RLM', 'FSS'],
      );
      const eventId = await freshEvent('Kopia av demon');
      await apply(eventId, { ...demo, units: [...demo.units].reverse(), unitlessLabel: 'X' });
      await apply(eventId, demo);
      assert.deepEqual(await readEventUnitsSetup(t.database.db, eventId), demo);
    });

    it('creates the units the register lacks, reuses those it has, and reads back the same set-up', async () => {
      const eventId = await freshEvent('Sjukhusgrupp');
      await apply(eventId, hospitalGroup);
      const read = await readEventUnitsSetup(t.database.db, eventId);
      assert.deepEqual(read, hospitalGroup);
      const units = await t.database.db
        .selectFrom('units')
        .select('code')
        .where('code', 'in', ['SG', 'SKAS', 'SÄS'])
        .execute();
      assert.equal(units.length, 3);
    });

    it('refuses a parent that does not come before its unit, and nothing is changed', async () => {
      const eventId = await freshEvent('Fel ordning');
      const before = await readEventUnitsSetup(t.database.db, eventId);
      await assert.rejects(
        apply(eventId, {
          unitlessLabel: 'Riket',
          units: [
            {
              code: 'NH',
              name: 'Närhälsan',
              shortName: '',
              kind: 'primary_care',
              parentCode: 'RIKET2',
            },
            { code: 'RIKET2', name: 'Riket', shortName: '', kind: 'nation', parentCode: null },
          ],
        }),
        { message: 'Den överordnade RIKET2 till NH måste stå före den i listan.' },
      );
      assert.deepEqual(await readEventUnitsSetup(t.database.db, eventId), before);
    });
  });
}
