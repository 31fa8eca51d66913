import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface UnitLevel {
  unitId: number;
  code: string;
  level: string;
  version: number;
}

for (const dialect of testDialects()) {
  describe(`readiness levels on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let unitIds: Map<string, number>;
    const overview = async (client: Client = staff) => {
      const response = await client.get(`/api/events/${t.eventId}/readiness`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };
    const unitLevel = async (code: string, client: Client = staff): Promise<UnitLevel> =>
      (await overview(client)).units.find((unit: UnitLevel) => unit.code === code);

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      const units = (await (await t.login(adminEmail)).get('/api/units')).json().items;
      unitIds = new Map(units.map((unit: { code: string; id: number }) => [unit.code, unit.id]));
    });
    after(() => t.close());

    it('shows the demo levels with who changed them, when and why', async () => {
      const current = await overview(reader);
      assert.equal(current.event.level, 'stabsläge');
      assert.equal(current.event.since, '2024-10-28T07:00:00.000Z');
      const sas = current.units.find((unit: UnitLevel) => unit.code === 'SÄS');
      assert.equal(sas.level, 'stabsläge');
      assert.equal(sas.since, '2024-11-22T13:00:00.000Z');
      assert.equal(current.units.find((unit: UnitLevel) => unit.code === 'NH').level, 'normal');
      const reinforced = current.history.find(
        (change: { level: string }) => change.level === 'förstärkningsläge',
      );
      assert.equal(reinforced.unitId, unitIds.get('SÄS'));
      assert.equal(reinforced.changedAt, '2024-11-04T06:00:00.000Z');
      assert.equal(reinforced.changedBy.name, 'Elin Bergström');
      assert.match(reinforced.reason, /akutmottagningar/);
      assert.equal(reinforced.provenance.source, 'manual');
    });

    it('refuses a stale change with 409 and keeps the level set first', async () => {
      const { version } = (await overview()).event;
      const first = await staff.post(`/api/events/${t.eventId}/readiness`, {
        version,
        level: 'förstärkningsläge',
        reason: 'Fler förvaltningar behöver förstärkning.',
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().version, version + 1);
      const stale = await staff.post(`/api/events/${t.eventId}/readiness`, {
        version,
        level: 'katastrofläge',
        reason: 'Bygger på en gammal bild av läget.',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.level, 'förstärkningsläge');
      assert.equal(stale.json().details.current.version, version + 1);
      const after = await overview();
      assert.equal(after.event.level, 'förstärkningsläge');
      assert.equal(after.event.version, version + 1);
      assert.ok(
        !after.history.some((change: { level: string }) => change.level === 'katastrofläge'),
      );
    });

    it('sets the level of one unit and keeps its history', async () => {
      const rlm = unitIds.get('RLM')!;
      const set = await staff.post(`/api/events/${t.eventId}/units/${rlm}/readiness`, {
        version: 0,
        level: 'stabsläge',
        reason: 'Laboratorierna förbereder provflöden utan Millennium.',
      });
      assert.equal(set.statusCode, 201, set.body);
      assert.equal((await unitLevel('RLM')).level, 'stabsläge');
      const history = (await overview()).history.filter(
        (change: { unitId: number }) => change.unitId === rlm,
      );
      assert.equal(history.length, 1);
      const audit = await t.database.db
        .selectFrom('audit_records')
        .selectAll()
        .where('action', '=', 'readiness.unit.set')
        .where('entity_id', '=', String(set.json().id))
        .executeTakeFirst();
      assert.ok(audit, 'the change is audited');
    });

    it('names the field of a bad change', async () => {
      const sas = unitIds.get('SÄS')!;
      const url = `/api/events/${t.eventId}/units/${sas}/readiness`;
      const noReason = await staff.post(url, { version: 2, level: 'normal' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().details.fields[0].field, 'reason');
      const badLevel = await staff.post(url, { version: 2, level: 'gul', reason: 'Test.' });
      assert.equal(badLevel.json().details.fields[0].field, 'level');
      const backdated = await staff.post(url, {
        version: 2,
        level: 'normal',
        reason: 'Före den senaste ändringen.',
        changedAt: '2024-11-10T10:00:00Z',
      });
      assert.equal(backdated.statusCode, 400);
      assert.equal(backdated.json().details.field, 'changedAt');
      const same = await staff.post(url, { version: 2, level: 'stabsläge', reason: 'Samma.' });
      assert.equal(same.statusCode, 409);
      assert.equal(same.json().error, 'wrong_state');
      assert.equal(same.json().details.field, 'level');
      assert.equal((await unitLevel('SÄS')).version, 2);
    });

    it('lets only staff and admins change levels, not a unit reporter for their own unit', async () => {
      const sas = unitIds.get('SÄS')!;
      const body = { version: 2, level: 'normal', reason: 'Tillbaka i ordinarie drift.' };
      const reporter = await t.login(demoPeople.reporterSas);
      const own = await reporter.post(`/api/events/${t.eventId}/units/${sas}/readiness`, body);
      assert.equal(own.statusCode, 403);
      const byReader = await reader.post(`/api/events/${t.eventId}/readiness`, {
        ...body,
        version: 1,
      });
      assert.equal(byReader.statusCode, 403);
      assert.equal((await unitLevel('SÄS')).level, 'stabsläge');
    });

    it('never shows a reader an internal change', async () => {
      const rh = unitIds.get('RH')!;
      const internal = await staff.post(`/api/events/${t.eventId}/units/${rh}/readiness`, {
        version: 0,
        level: 'förstärkningsläge',
        reason: 'Bemanningsläget i företagshälsovården är ansträngt.',
        internal: true,
      });
      assert.equal(internal.statusCode, 201, internal.body);
      assert.equal((await unitLevel('RH')).level, 'förstärkningsläge');
      const seen = await overview(reader);
      assert.equal(seen.units.find((unit: UnitLevel) => unit.code === 'RH').level, 'normal');
      assert.ok(!seen.history.some((change: { id: number }) => change.id === internal.json().id));
      assert.ok(!JSON.stringify(seen).includes('Bemanningsläget'));
    });

    it('links the decision behind a change, hides an internal one from readers, refuses a foreign one', async () => {
      const decide = (eventId: number, internal: boolean) =>
        staff.post(`/api/events/${eventId}/decisions`, {
          decidedAt: '2024-11-20T09:00:00Z',
          forum: 'Regional särskild sjukvårdsledning',
          text: internal ? 'Internt beslut om förstärkning.' : 'Förstärkningsläge i regionen.',
          internal,
        });
      const open = (await decide(t.eventId, false)).json();
      const secret = (await decide(t.eventId, true)).json();
      const nh = unitIds.get('NH')!;
      const url = `/api/events/${t.eventId}/units/${nh}/readiness`;
      const linked = await staff.post(url, {
        version: (await unitLevel('NH')).version,
        level: 'stabsläge',
        reason: 'Enligt beslut.',
        decisionId: open.id,
      });
      assert.equal(linked.statusCode, 201, linked.body);
      assert.deepEqual(linked.json().decision, {
        id: open.id,
        decidedAt: '2024-11-20T09:00:00.000Z',
        forum: 'Regional särskild sjukvårdsledning',
        text: 'Förstärkningsläge i regionen.',
      });
      const internalLink = await staff.post(url, {
        version: linked.json().version,
        level: 'förstärkningsläge',
        reason: 'Enligt internt beslut.',
        decisionId: secret.id,
      });
      assert.equal(internalLink.statusCode, 201, internalLink.body);
      const change = (history: { id: number; decision: unknown }[]) =>
        history.find((item) => item.id === internalLink.json().id)!;
      assert.equal((change((await overview()).history).decision as { id: number }).id, secret.id);
      assert.equal(change((await overview(reader)).history).decision, null);

      const admin = await t.login(adminEmail);
      const other = (await admin.post('/api/events', { name: 'Annan händelse' })).json();
      const foreign = (
        await admin.post(`/api/events/${other.id}/decisions`, {
          decidedAt: '2024-11-20T09:00:00Z',
          forum: 'Annan ledning',
          text: 'Ett beslut i en annan händelse.',
        })
      ).json();
      const refused = await staff.post(url, {
        version: internalLink.json().version,
        level: 'normal',
        reason: 'Fel beslut.',
        decisionId: foreign.id,
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().details.field, 'decisionId');
    });
  });
}
