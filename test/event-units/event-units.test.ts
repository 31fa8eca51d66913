import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { periodOf } from '../../src/core/time.ts';
import type { EventUnitList } from '../../src/contract/event-units.ts';

const codes = (list: EventUnitList) =>
  list.items.map((unit) => `${'  '.repeat(unit.depth)}${unit.code}`);

for (const dialect of testDialects()) {
  describe(`an event's own units on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    const newEvent = async (name: string): Promise<number> => {
      const created = await admin.post('/api/events', { name });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id;
    };
    const listOf = async (eventId: number): Promise<EventUnitList> => {
      const response = await admin.get(`/api/events/${eventId}/units`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };
    const idsByCode = async (eventId: number) =>
      new Map((await listOf(eventId)).items.map((unit) => [unit.code, unit.unitId]));

    it("gives a new event every unit in name order, labelled Regionen, and the demo its reports' order", async () => {
      const expected = ['FSS', 'NH', 'RLM', 'RH', 'SÄS'];
      const demoOrder = ['SÄS', 'NH', 'RH', 'RLM', 'FSS'];
      const demo = await listOf(t.eventId);
      assert.deepEqual(codes(demo), demoOrder);
      assert.equal(demo.unitlessLabel, 'Regionen');
      assert.equal(demo.items.find((unit) => unit.code === 'SÄS')!.shortName, 'SÄS');
      assert.equal(demo.items.find((unit) => unit.code === 'NH')!.shortName, 'Närhälsan');
      assert.deepEqual(codes(await listOf(await newEvent('Ny händelse'))), expected);
    });

    it('stores a new order and hierarchy and lists each group followed by its members', async () => {
      const eventId = await newEvent('Sjukhusgrupp');
      const ids = await idsByCode(eventId);
      const current = await listOf(eventId);
      const saved = await admin.request('PUT', `/api/events/${eventId}/units`, {
        version: current.version,
        unitlessLabel: 'Hela länet',
        units: [
          { unitId: ids.get('SÄS')!, parentUnitId: null },
          { unitId: ids.get('RH')!, parentUnitId: ids.get('SÄS')! },
          { unitId: ids.get('NH')!, parentUnitId: null },
          { unitId: ids.get('FSS')!, parentUnitId: ids.get('RH')! },
          { unitId: ids.get('RLM')!, parentUnitId: ids.get('SÄS')! },
        ],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(codes(saved.json()), ['SÄS', '  RH', '    FSS', '  RLM', 'NH']);
      assert.equal(saved.json().unitlessLabel, 'Hela länet');
      assert.equal(saved.json().version, current.version + 1);
      assert.deepEqual(codes(await listOf(eventId)), ['SÄS', '  RH', '    FSS', '  RLM', 'NH']);
      assert.equal((await admin.get(`/api/events/${eventId}`)).json().unitlessLabel, 'Hela länet');
    });

    it('refuses a cycle, a unit twice and a parent outside the list with 400, and a stale list with 409', async () => {
      const eventId = await newEvent('Cykler');
      const ids = await idsByCode(eventId);
      const { version } = await listOf(eventId);
      const put = (units: { unitId: number; parentUnitId: number | null }[], v = version) =>
        admin.request('PUT', `/api/events/${eventId}/units`, {
          version: v,
          unitlessLabel: 'Regionen',
          units,
        });
      const cycle = await put([
        { unitId: ids.get('SÄS')!, parentUnitId: ids.get('NH')! },
        { unitId: ids.get('NH')!, parentUnitId: ids.get('SÄS')! },
      ]);
      assert.equal(cycle.statusCode, 400);
      assert.equal(cycle.json().message, 'Södra Älvsborgs Sjukhus kan inte ligga under sig själv.');
      const twice = await put([
        { unitId: ids.get('NH')!, parentUnitId: null },
        { unitId: ids.get('NH')!, parentUnitId: null },
      ]);
      assert.equal(twice.statusCode, 400);
      assert.equal(twice.json().message, 'Närhälsan finns två gånger i listan.');
      const outside = await put([{ unitId: ids.get('NH')!, parentUnitId: ids.get('RH')! }]);
      assert.equal(outside.statusCode, 400);
      assert.equal(
        outside.json().message,
        'Närhälsan ligger under en enhet som inte ingår i händelsen.',
      );
      const first = await put([{ unitId: ids.get('NH')!, parentUnitId: null }]);
      assert.equal(first.statusCode, 200, first.body);
      const stale = await put([{ unitId: ids.get('RH')!, parentUnitId: null }]);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error, 'conflict');
      assert.deepEqual(codes(stale.json().details.current), ['NH']);
      assert.deepEqual(codes(await listOf(eventId)), ['NH']);
    });

    it('refuses to remove a unit with returns in the event, and removes one without', async () => {
      const list = await listOf(t.eventId);
      const sas = list.items.find((unit) => unit.code === 'SÄS')!;
      const refused = await admin.delete(
        `/api/events/${t.eventId}/units/${sas.unitId}?version=${list.version}`,
      );
      assert.equal(refused.statusCode, 409);
      assert.equal(
        refused.json().message,
        'Södra Älvsborgs Sjukhus har lägesrapporter eller nyckeltal i händelsen och kan inte tas bort.',
      );
      const eventId = await newEvent('Borttagning');
      const fresh = await listOf(eventId);
      const removed = await admin.delete(
        `/api/events/${eventId}/units/${fresh.items.find((unit) => unit.code === 'SÄS')!.unitId}?version=${fresh.version}`,
      );
      assert.equal(removed.statusCode, 200, removed.body);
      assert.deepEqual(codes(removed.json()), ['FSS', 'NH', 'RLM', 'RH']);
    });

    it('adds an existing unit and a new one under a parent', async () => {
      const eventId = await newEvent('Tillägg');
      const { version } = await listOf(eventId);
      const emptied = await admin.request('PUT', `/api/events/${eventId}/units`, {
        version,
        unitlessLabel: 'Riket',
        units: [],
      });
      assert.equal(emptied.statusCode, 200, emptied.body);
      const nh = (await admin.get('/api/units'))
        .json()
        .items.find((unit: { code: string }) => unit.code === 'NH');
      const added = await admin.post(`/api/events/${eventId}/units`, {
        version: version + 1,
        unitId: nh.id,
      });
      assert.equal(added.statusCode, 201, added.body);
      const created = await admin.post(`/api/events/${eventId}/units`, {
        version: version + 2,
        parentUnitId: nh.id,
        newUnit: { code: 'VC-ULR', name: 'Vårdcentralen Ulricehamn', kind: 'primary_care' },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(codes(created.json()), ['NH', '  VC-ULR']);
      assert.equal(created.json().items[1].shortName, 'VC-ULR');
      const again = await admin.post(`/api/events/${eventId}/units`, {
        version: version + 3,
        unitId: nh.id,
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().message, 'Enheten ingår redan i händelsen.');
    });

    it('imports a CSV file all or nothing, naming each bad row', async () => {
      const eventId = await newEvent('Import');
      const { version } = await listOf(eventId);
      await admin.request('PUT', `/api/events/${eventId}/units`, {
        version,
        unitlessLabel: 'Riket',
        units: [],
      });
      const bad = await admin.post(`/api/events/${eventId}/units/import`, {
        version: version + 1,
        csv: [
          'kod;namn;kortnamn;slag;överordnad',
          'RIKET;Sverige;;nation;',
          'R-VG;Västra Götaland;VG;region;RIKET',
          'R-X;;;region;RIKET',
          'R-S;Skåne;;landsting;RIKET',
          'R-H;Halland;;region;R-Z',
          'R-VG;Västra Götaland igen;;region;',
        ].join('\n'),
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().message, 'Filen har 4 fel; inget sparades.');
      assert.deepEqual(bad.json().details.rows, [
        { row: 4, message: 'Namnet saknas för R-X.' },
        {
          row: 5,
          message:
            'Slaget "landsting" för R-S finns inte. Använd till exempel sjukhus, grupp, region eller annan.',
        },
        { row: 6, message: 'Den överordnade R-Z finns varken i händelsen eller på en rad före.' },
        { row: 7, message: 'R-VG finns två gånger i filen.' },
      ]);
      assert.deepEqual(codes(await listOf(eventId)), []);
      assert.equal(
        (await admin.get('/api/units'))
          .json()
          .items.some((u: { code: string }) => u.code === 'RIKET'),
        false,
      );
      const good = await admin.post(`/api/events/${eventId}/units/import`, {
        version: version + 1,
        csv: 'RIKET,Sverige,,nation,\nR-VG,Västra Götaland,VG,region,RIKET\nSÄS,Södra Älvsborgs Sjukhus,,sjukhus,R-VG\n',
      });
      assert.equal(good.statusCode, 200, good.body);
      assert.deepEqual(codes(good.json()), ['RIKET', '  R-VG', '    SÄS']);
      assert.deepEqual(
        good
          .json()
          .items.map((unit: { shortName: string; kind: string }) => [unit.shortName, unit.kind]),
        [
          ['Sverige', 'nation'],
          ['VG', 'region'],
          ['SÄS', 'hospital'],
        ],
      );
    });

    it('refuses a return, an input request, a key figure and a readiness level for a unit outside the event, and lists readiness in the event order', async () => {
      const eventId = await newEvent('Bara Närhälsan');
      const ids = await idsByCode(eventId);
      const { version } = await listOf(eventId);
      const kept = await admin.request('PUT', `/api/events/${eventId}/units`, {
        version,
        unitlessLabel: 'Regionen',
        units: [
          { unitId: ids.get('RH')!, parentUnitId: null },
          { unitId: ids.get('NH')!, parentUnitId: ids.get('RH')! },
        ],
      });
      assert.equal(kept.statusCode, 200, kept.body);
      const outside = ids.get('SÄS')!;
      const period = periodOf(new Date(), 'week').key;
      const refusals = [
        await admin.request('PUT', `/api/events/${eventId}/units/${outside}/situations/${period}`, {
          bullets: '- Läget.',
        }),
        await admin.post(`/api/events/${eventId}/units/${outside}/readiness`, {
          version: 0,
          level: 'stabsläge',
          reason: 'Prov.',
        }),
        await admin.post(`/api/events/${eventId}/input-requests`, {
          period,
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          unitIds: [ids.get('NH')!, outside],
        }),
        await admin.post(`/api/events/${eventId}/units/${outside}/observations`, {
          figureKey: 'saknas',
          value: 1,
          observedAt: new Date().toISOString(),
        }),
      ];
      for (const refused of refusals) {
        assert.equal(refused.statusCode, 400, refused.body);
        assert.equal(refused.json().message, 'Enheten ingår inte i händelsen.');
      }
      const readiness = (await admin.get(`/api/events/${eventId}/readiness`)).json();
      assert.deepEqual(
        readiness.units.map((unit: { code: string; depth: number }) => [unit.code, unit.depth]),
        [
          ['RH', 0],
          ['NH', 1],
        ],
      );
    });
  });
}
