import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Figure {
  id: number;
  key: string;
  name: string;
  version: number;
  internal: boolean;
}

interface Bucket {
  period: string;
  count: number;
  value: number | null;
  status: string | null;
  change: number | null;
}

for (const dialect of testDialects()) {
  describe(`key figures on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let reporter: Client;
    let figures: string;
    let unitIds: Map<string, number>;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      reporter = await t.login(demoPeople.reporterSas);
      figures = `/api/events/${t.eventId}/figures`;
      const units = (await (await t.login(adminEmail)).get('/api/units')).json().items as {
        id: number;
        code: string;
      }[];
      unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
    });
    after(() => t.close());

    async function figureByKey(client: Client, key: string): Promise<Figure | undefined> {
      const response = await client.get(`${figures}?limit=500`);
      assert.equal(response.statusCode, 200, response.body);
      return (response.json().items as Figure[]).find((figure) => figure.key === key);
    }

    async function defineFigure(body: Record<string, unknown>): Promise<Figure> {
      const response = await staff.post(figures, body);
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    }

    async function observationCount(figureId: number): Promise<number> {
      const response = await staff.get(`${figures}/${figureId}/observations?limit=1`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().total;
    }

    async function auditCount(action: string): Promise<number> {
      const rows = await t.database.db
        .selectFrom('audit_records')
        .select('id')
        .where('action', '=', action)
        .execute();
      return rows.length;
    }

    it('shows the demo bed occupancy per ISO week, with status and change', async () => {
      const occupancy = (await figureByKey(reader, 'beläggningsgrad'))!;
      const response = await reader.get(`${figures}/${occupancy.id}/series?granularity=week`);
      assert.equal(response.statusCode, 200, response.body);
      const series = response.json();
      const buckets = series.buckets as Bucket[];
      assert.deepEqual(
        buckets.map((bucket) => bucket.period),
        ['2024-W44', '2024-W45', '2024-W46', '2024-W47'],
      );
      assert.ok(buckets.every((bucket) => bucket.count === 7));
      assert.equal(buckets[2]!.status, 'red');
      assert.equal(buckets[3]!.value, 88.7, 'the last reading of week 47');
      assert.ok(series.change < 0, 'occupancy fell in week 47');
    });

    it('imports nothing from a CSV with one bad row and names its row and column', async () => {
      const occupancy = (await figureByKey(staff, 'beläggningsgrad'))!;
      const before = await observationCount(occupancy.id);
      const csv = [
        'nyckeltal;värde;tidpunkt;enhet',
        'beläggningsgrad;91,5;2024-11-25 07:00;SÄS',
        'beläggningsgrad;nittio;2024-11-26 07:00;SÄS',
        'beläggningsgrad;90,1;2024-11-27 07:00;SÄS',
      ].join('\n');

      const preview = await staff.post(`${figures}/import/preview`, { filename: 'fel.csv', csv });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().valid, false);
      assert.equal(preview.json().rows.length, 2);
      assert.deepEqual(
        preview
          .json()
          .errors.map((error: { row: number; column: string }) => [error.row, error.column]),
        [[3, 'value']],
      );

      const response = await staff.post(`${figures}/import`, { filename: 'fel.csv', csv });
      assert.equal(response.statusCode, 400, response.body);
      const problems = response.json().details.errors as {
        row: number;
        column: string;
        message: string;
      }[];
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.row, 3);
      assert.equal(problems[0]!.column, 'value');
      assert.match(problems[0]!.message, /nittio/);
      assert.equal(await observationCount(occupancy.id), before);
    });

    it('lists every bad row and column of a rejected file', async () => {
      const csv = [
        'figure,value,observed_at,unit',
        'okänt-tal,1,2024-11-25T07:00:00Z,SÄS',
        'beläggningsgrad,2,2024-02-30 07:00,SÄS',
        'beläggningsgrad,3,2024-11-25 07:00,XYZ',
      ].join('\n');
      const response = await staff.post(`${figures}/import`, { filename: 'fel2.csv', csv });
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(
        response
          .json()
          .details.errors.map((error: { row: number; column: string }) => [
            error.row,
            error.column,
          ]),
        [
          [2, 'figure'],
          [3, 'observed_at'],
          [4, 'unit'],
        ],
      );
    });

    it('imports every row of a good CSV in one audited transaction', async () => {
      const waiting = (await figureByKey(staff, 'vantande-akut'))!;
      const before = await observationCount(waiting.id);
      const importsBefore = await auditCount('figure.import');
      const csv = [
        'vantande-akut,"12,5",2024-11-25 08:00,SÄS-AKM-BORÅS',
        'vantande-akut,14,2024-11-25T09:00:00+01:00,SÄS-AKM-BORÅS,Tavlan',
        'vantande-akut,9,2024-11-25 10:00,,Regionens summering',
      ].join('\n');
      const response = await staff.post(`${figures}/import`, { filename: 'bra.csv', csv });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().imported, 3);
      assert.equal(await observationCount(waiting.id), before + 3);
      assert.equal(await auditCount('figure.import'), importsBefore + 1);

      const stored = await staff.get(
        `${figures}/${waiting.id}/observations?from=2024-11-25T00:00:00%2B01:00&order=asc`,
      );
      const items = stored.json().items as {
        value: number;
        observedAt: string;
        facilityId: number | null;
        unitId: number | null;
        provenance: { source: string };
      }[];
      assert.deepEqual(
        items.map((item) => [item.value, item.observedAt]),
        [
          [12.5, '2024-11-25T07:00:00.000Z'],
          [14, '2024-11-25T08:00:00.000Z'],
          [9, '2024-11-25T09:00:00.000Z'],
        ],
      );
      assert.equal(items[0]!.provenance.source, 'csv:bra.csv');
      assert.equal(items[1]!.provenance.source, 'csv:bra.csv (Tavlan)');
      assert.ok(items[0]!.facilityId !== null && items[0]!.unitId === null);
      assert.ok(items[2]!.facilityId === null && items[2]!.unitId === null);
    });

    it('puts an observation at Sunday 23:30 UTC into the next Stockholm week', async () => {
      const figure = await defineFigure({
        key: 'veckograns',
        name: 'Test av veckogräns',
        unitOfMeasure: 'st',
        yellowThreshold: 12,
        redThreshold: 15,
      });
      const observe = (value: number, observedAt: string) =>
        staff.post(`${figures}/${figure.id}/observations`, { value, observedAt });
      // Sunday 17 November 23:30 in Stockholm (22:30 UTC) is still week 46;
      // Sunday 23:30 UTC is already Monday 00:30 in Stockholm, week 47.
      assert.equal((await observe(10, '2024-11-17T22:30:00Z')).statusCode, 201);
      assert.equal((await observe(14, '2024-11-17T23:30:00Z')).statusCode, 201);
      assert.equal((await observe(16, '2024-11-20T12:00:00Z')).statusCode, 201);

      const weekly = (await staff.get(`${figures}/${figure.id}/series?granularity=week`)).json();
      assert.deepEqual(
        (weekly.buckets as Bucket[]).map((bucket) => [
          bucket.period,
          bucket.count,
          bucket.value,
          bucket.status,
        ]),
        [
          ['2024-W46', 1, 10, 'green'],
          ['2024-W47', 2, 16, 'red'],
        ],
      );
      assert.equal(weekly.change, 6);

      const daily = (await staff.get(`${figures}/${figure.id}/series?granularity=day`)).json();
      assert.deepEqual(
        (daily.buckets as Bucket[]).map((bucket) => bucket.period),
        ['2024-11-17', '2024-11-18', '2024-11-20'],
      );
      assert.equal(daily.change, null, 'no observation on the day before the last');
    });

    it('lets a unit reporter report for their own unit and refuses another unit', async () => {
      const waiting = (await figureByKey(staff, 'vantande-akut'))!;
      const before = await observationCount(waiting.id);
      const body = { figureKey: 'vantande-akut', value: 20, observedAt: '2024-11-26T13:00:00Z' };
      const own = await reporter.post(
        `/api/events/${t.eventId}/units/${unitIds.get('SÄS')}/observations`,
        body,
      );
      assert.equal(own.statusCode, 201, own.body);
      assert.equal(own.json().unitId, unitIds.get('SÄS'));
      const other = await reporter.post(
        `/api/events/${t.eventId}/units/${unitIds.get('NH')}/observations`,
        body,
      );
      assert.equal(other.statusCode, 403, other.body);
      const regionWide = await reporter.post(`${figures}/${waiting.id}/observations`, body);
      assert.equal(regionWide.statusCode, 403, regionWide.body);
      assert.equal(await observationCount(waiting.id), before + 1);
    });

    it('answers a stale update with 409 and keeps the stored definition', async () => {
      const figure = await defineFigure({ key: 'samtidig', name: 'Ursprungligt namn' });
      const first = await staff.patch(`${figures}/${figure.id}`, {
        version: figure.version,
        name: 'Första ändringen',
      });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await staff.patch(`${figures}/${figure.id}`, {
        version: figure.version,
        name: 'Andra ändringen',
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().details.current.name, 'Första ändringen');
      assert.equal(stale.json().details.current.version, figure.version + 1);
      assert.equal((await figureByKey(staff, 'samtidig'))!.name, 'Första ändringen');
    });

    it('never shows a reader an internal figure or observation', async () => {
      const accessCases = (await figureByKey(staff, 'behorighetsarenden'))!;
      assert.equal(accessCases.internal, true);
      assert.equal(await figureByKey(reader, 'behorighetsarenden'), undefined);
      for (const path of ['observations', 'series']) {
        const response = await reader.get(`${figures}/${accessCases.id}/${path}`);
        assert.equal(response.statusCode, 404, response.body);
      }

      const figure = await defineFigure({ key: 'blandat', name: 'Delvis internt' });
      await staff.post(`${figures}/${figure.id}/observations`, {
        value: 1,
        observedAt: '2024-11-20T08:00:00Z',
      });
      await staff.post(`${figures}/${figure.id}/observations`, {
        value: 99,
        observedAt: '2024-11-20T09:00:00Z',
        internal: true,
      });
      const seenByReader = (await reader.get(`${figures}/${figure.id}/observations`)).json();
      assert.deepEqual(
        seenByReader.items.map((item: { value: number }) => item.value),
        [1],
      );
      assert.equal(seenByReader.total, 1);
      const series = (await reader.get(`${figures}/${figure.id}/series`)).json();
      assert.equal(series.buckets[0].value, 1);
      const seenByStaff = (await staff.get(`${figures}/${figure.id}/observations`)).json();
      assert.equal(seenByStaff.total, 2);
    });

    it('names the field of a validation error', async () => {
      const badKey = await staff.post(figures, { key: 'Med Mellanslag', name: 'Fel' });
      assert.equal(badKey.statusCode, 400);
      assert.equal(badKey.json().details.fields[0].field, 'key');

      const badThresholds = await staff.post(figures, {
        key: 'omvanda-granser',
        name: 'Omvända gränser',
        yellowThreshold: 90,
        redThreshold: 80,
      });
      assert.equal(badThresholds.statusCode, 400);
      assert.equal(badThresholds.json().details.field, 'redThreshold');

      const taken = await staff.post(figures, { key: 'beläggningsgrad', name: 'Dubblett' });
      assert.equal(taken.statusCode, 400);
      assert.equal(taken.json().details.field, 'key');

      const occupancy = (await figureByKey(staff, 'beläggningsgrad'))!;
      const badTime = await staff.post(`${figures}/${occupancy.id}/observations`, {
        value: 1,
        observedAt: 'i går',
      });
      assert.equal(badTime.statusCode, 400);
      assert.equal(badTime.json().details.fields[0].field, 'observedAt');
    });
  });
}
