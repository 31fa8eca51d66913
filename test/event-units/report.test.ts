// The event's units in its report: unit rows in the event's order, a subtotal per group where the
// figure adds up (a count: the sum of its members' latest values), and the event's own name for
// a value without a unit. Values fall in last week, so the test does not depend on the day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodLabel, periodOf, previousPeriod } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

type Block = { type: string; rows?: string[][] };

const lastWeek = previousPeriod(periodOf(new Date(), 'week').key);
const lastWeekLabel = periodLabel(lastWeek.key, 'sv').replace(/ \d{4}$/, '');
const midWeek = new Date(lastWeek.start.getTime() + 60 * 3_600_000).toISOString();
const nbsp = '\u00a0';

for (const dialect of testDialects()) {
  describe(`an event's units in its report on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let eventId: number;
    let rows: string[][];
    const ids = new Map<string, number>();

    async function observe(figureId: number, code: string | null, value: number) {
      const response = await admin.post(`/api/events/${eventId}/figures/${figureId}/observations`, {
        value,
        observedAt: midWeek,
        ...(code !== null && { unitId: ids.get(code) }),
      });
      assert.equal(response.statusCode, 201, response.body);
    }

    async function define(key: string, name: string, unitOfMeasure: string): Promise<number> {
      const response = await admin.post(`/api/events/${eventId}/figures`, {
        key,
        name,
        unitOfMeasure,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id;
    }

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      eventId = (await admin.post('/api/events', { name: 'Sjukhusgruppen' })).json().id;
      const list = (await admin.get(`/api/events/${eventId}/units`)).json();
      const imported = await admin.post(`/api/events/${eventId}/units/import`, {
        version: list.version,
        csv: 'VÄST;Grupp Väst;Väst;grupp;\nSJH;Sjukhusen;;grupp;VÄST\n',
      });
      assert.equal(imported.statusCode, 200, imported.body);
      for (const unit of imported.json().items) ids.set(unit.code, unit.unitId);
      const place = (code: string, parent: string | null) => ({
        unitId: ids.get(code)!,
        parentUnitId: parent === null ? null : ids.get(parent)!,
      });
      const saved = await admin.request('PUT', `/api/events/${eventId}/units`, {
        version: imported.json().version,
        unitlessLabel: 'Hela länet',
        units: [
          place('VÄST', null),
          place('SJH', 'VÄST'),
          place('SÄS', 'SJH'),
          place('FSS', 'SJH'),
          place('NH', 'VÄST'),
          place('RH', null),
        ],
      });
      assert.equal(saved.statusCode, 200, saved.body);

      const cases = await define('arenden', 'Ärenden', 'st');
      for (const [code, value] of [
        ['RH', 20],
        ['NH', 120],
        ['FSS', 40],
        ['SÄS', 380],
      ] as const) {
        await observe(cases, code, value);
      }
      const share = await define('andel', 'Andel', '%');
      await observe(share, 'NH', 92);
      await observe(share, 'SÄS', 88.5);
      const stock = await define('lager', 'Lager', 'st');
      await observe(stock, null, 1000);

      const started = await admin.post(`/api/events/${eventId}/reports`, { kind: 'extra' });
      assert.equal(started.statusCode, 201, started.body);
      const draft = (await admin.get(`/api/events/${eventId}/reports/${started.json().id}`)).json();
      const blocks = draft.sections.flatMap(
        (section: { data: { internal: Block[] } }) => section.data.internal,
      ) as Block[];
      rows = blocks.find((block) => block.rows?.some((row) => row[0] === 'Ärenden'))!.rows!;
    });
    after(() => t.close());

    const rowsOf = (name: string) =>
      rows.filter((row) => row[0] === name).map((row) => row.slice(1, 3));

    it('lists a count in the event order with a subtotal after each group and the total last', () => {
      assert.deepEqual(rowsOf('Ärenden'), [
        ['Södra Älvsborgs Sjukhus', lastWeekLabel],
        ['Fastighet, stöd och service', lastWeekLabel],
        ['Summa Sjukhusen', lastWeekLabel],
        ['Närhälsan', lastWeekLabel],
        ['Summa Grupp Väst', lastWeekLabel],
        ['Regionhälsan', lastWeekLabel],
        ['Totalt', lastWeekLabel],
      ]);
      assert.deepEqual(
        rows.filter((row) => row[0] === 'Ärenden').map((row) => row[3]),
        [380, 40, 420, 120, 540, 20, 560].map((value) => `${value}${nbsp}st`),
      );
    });

    it('gives a percentage no subtotal and no total', () => {
      assert.deepEqual(
        rows.filter((row) => row[0] === 'Andel').map((row) => [row[1], row[3]]),
        [
          ['Södra Älvsborgs Sjukhus', `88,5${nbsp}%`],
          ['Närhälsan', `92${nbsp}%`],
        ],
      );
    });

    it('names a value without a unit with the event’s name for the whole', () => {
      assert.deepEqual(
        rows.filter((row) => row[0] === 'Lager').map((row) => [row[1], row[3]]),
        [['Hela länet', `1${nbsp}000${nbsp}st`]],
      );
    });
  });
}
