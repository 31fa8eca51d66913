// The figure rule end to end (docs/decisions/007-figures-latest-value-per-unit.md): a unit's
// latest value in the period, the sum of the units' latest values for a count, no total for a
// percentage. The same numbers in the series (which the dashboard reads), in a compiled report's
// key-figure table and chart, and on the published report page. Observations fall in the two
// weeks before the present one, so the test does not depend on the day it runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodLabel, periodOf, previousPeriod } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Bucket {
  period: string;
  count: number;
  value: number | null;
  status: string | null;
  change: number | null;
  places: { name: string | null; value: number; status: string | null }[];
}

type Block =
  | { type: 'table'; rows: string[][] }
  | {
      type: 'chart';
      chart: { title: string; series: { name: string; values: (number | null)[] }[] };
    }
  | { type: string };

const hour = 3_600_000;
const lastWeek = previousPeriod(periodOf(new Date(), 'week').key);
const weekBefore = previousPeriod(lastWeek.key);
const lastWeekLabel = periodLabel(lastWeek.key, 'sv').replace(/ \d{4}$/, '');

/** An instant `hours` into a week: Monday 00:00 Stockholm time plus that many hours. */
function into(week: { start: Date }, hours: number): string {
  return new Date(week.start.getTime() + hours * hour).toISOString();
}

for (const dialect of testDialects()) {
  describe(`the figure rule on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let unitIds: Map<string, number>;
    let unitNames: Map<string, string>;
    const ids: Record<'single' | 'cases' | 'ratio', number> = { single: 0, cases: 0, ratio: 0 };
    const figures = () => `/api/events/${t.eventId}/figures`;

    async function define(key: string, name: string, unitOfMeasure: string, limits: number[]) {
      const [yellowThreshold, redThreshold] = limits;
      const response = await staff.post(figures(), {
        key,
        name,
        unitOfMeasure,
        yellowThreshold,
        redThreshold,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as number;
    }

    async function observe(figureId: number, unit: string, value: number, observedAt: string) {
      const response = await staff.post(`${figures()}/${figureId}/observations`, {
        value,
        observedAt,
        unitId: unitIds.get(unit),
      });
      assert.equal(response.statusCode, 201, response.body);
    }

    async function lastBucket(figureId: number): Promise<Bucket> {
      const response = await staff.get(`${figures()}/${figureId}/series?granularity=week`);
      assert.equal(response.statusCode, 200, response.body);
      return (response.json().buckets as Bucket[]).at(-1)!;
    }

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      const units = (await (await t.login(adminEmail)).get('/api/units')).json().items as {
        id: number;
        code: string;
        name: string;
      }[];
      unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
      unitNames = new Map(units.map((unit) => [unit.code, unit.name]));

      ids.single = await define('regeltest-ett', 'Regeltest en enhet', 'st', [5000, 9000]);
      for (const [hours, value] of [
        [30, 1000],
        [54, 1100],
        [78, 1300],
      ] as const) {
        await observe(ids.single, 'SÄS', value, into(lastWeek, hours));
      }

      ids.cases = await define('regeltest-arenden', 'Regeltest ärenden', 'st', [200, 500]);
      const weeks = [
        [weekBefore, { SÄS: [900, 560], NH: [300, 170], RH: [50, 30] }],
        [lastWeek, { SÄS: [640, 380], NH: [190, 120], RH: [35, 20] }],
      ] as const;
      for (const [week, values] of weeks) {
        for (const [unit, [first, latest]] of Object.entries(values)) {
          await observe(ids.cases, unit, first, into(week, 9));
          await observe(ids.cases, unit, latest, into(week, 81));
        }
      }

      ids.ratio = await define('regeltest-andel', 'Regeltest beläggning', '%', [90, 100]);
      await observe(ids.ratio, 'SÄS', 104.4, into(lastWeek, 7));
      await observe(ids.ratio, 'SÄS', 88.7, into(lastWeek, 103));
      await observe(ids.ratio, 'NH', 92, into(lastWeek, 31));
    });
    after(() => t.close());

    it('gives a week with 1000, 1100 and 1300 from one unit the value 1300', async () => {
      const bucket = await lastBucket(ids.single);
      assert.deepEqual([bucket.period, bucket.count, bucket.value], [lastWeek.key, 3, 1300]);
    });

    it('adds the units’ latest values, 380 + 120 + 20, to 520 in the dashboard’s read', async () => {
      const bucket = await lastBucket(ids.cases);
      assert.equal(bucket.value, 520);
      assert.equal(bucket.status, 'red');
      assert.equal(bucket.change, 520 - (560 + 170 + 30));
      assert.deepEqual(
        bucket.places.map((place) => [place.name, place.value]),
        [
          [unitNames.get('SÄS'), 380],
          [unitNames.get('NH'), 120],
          [unitNames.get('RH'), 20],
        ],
      );
    });

    it('gives a percentage from two units no total, only each unit’s latest value', async () => {
      const bucket = await lastBucket(ids.ratio);
      assert.equal(bucket.value, null);
      assert.equal(bucket.status, null);
      assert.deepEqual(
        bucket.places.map((place) => [place.name, place.value, place.status]),
        [
          [unitNames.get('SÄS'), 88.7, 'green'],
          [unitNames.get('NH'), 92, 'yellow'],
        ],
      );
    });

    it('prints the same numbers in the compiled report and on its published page', async () => {
      const approver = await t.login(demoPeople.approver);
      const started = await staff.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' });
      assert.equal(started.statusCode, 201, started.body);
      const reportUrl = `/api/events/${t.eventId}/reports/${started.json().id}`;
      const draft = (await staff.get(reportUrl)).json();
      const blocks = draft.sections.flatMap(
        (section: { data: { public: Block[] } }) => section.data.public,
      ) as Block[];
      const table = blocks.find(
        (block): block is Extract<Block, { type: 'table' }> =>
          'rows' in block && block.rows.some((row) => row[0]!.startsWith('Regeltest')),
      )!;
      const rowsOf = (name: string) =>
        table.rows.filter((row) => row[0] === name).map((row) => row.slice(1));
      const nbsp = '\u00a0';
      assert.deepEqual(rowsOf('Regeltest en enhet'), [
        [unitNames.get('SÄS'), lastWeekLabel, `1${nbsp}300${nbsp}st`, 'Normalt'],
      ]);
      assert.deepEqual(rowsOf('Regeltest ärenden'), [
        [unitNames.get('SÄS'), lastWeekLabel, `380${nbsp}st (−180)`, 'Påverkat'],
        [unitNames.get('NH'), lastWeekLabel, `120${nbsp}st (−50)`, 'Normalt'],
        [unitNames.get('RH'), lastWeekLabel, `20${nbsp}st (−10)`, 'Normalt'],
        ['Totalt', lastWeekLabel, `520${nbsp}st (−240)`, 'Allvarligt'],
      ]);
      assert.deepEqual(rowsOf('Regeltest beläggning'), [
        [unitNames.get('SÄS'), lastWeekLabel, `88,7${nbsp}%`, 'Normalt'],
        [unitNames.get('NH'), lastWeekLabel, `92${nbsp}%`, 'Påverkat'],
      ]);
      const chart = blocks.find(
        (block): block is Extract<Block, { type: 'chart' }> =>
          'chart' in block && block.chart.title === 'Regeltest ärenden',
      )!;
      assert.deepEqual(
        chart.chart.series.map((series) => [series.name, series.values]),
        [
          [unitNames.get('SÄS'), [560, 380]],
          [unitNames.get('NH'), [170, 120]],
          [unitNames.get('RH'), [30, 20]],
          ['Totalt', [760, 520]],
        ],
      );

      const submitted = await staff.post(`${reportUrl}/submit`, { version: draft.version });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const approved = await approver.post(`${reportUrl}/approve`, {
        version: submitted.json().version,
      });
      const published = await approver.post(`${reportUrl}/publish`, {
        version: approved.json().version,
      });
      assert.equal(published.json().state, 'published', published.body);
      const page = await t.anonymous().get(`/r/${t.eventId}/${started.json().number}`);
      assert.equal(page.statusCode, 200);
      const cell = (text: string) => `<td class="num">${text}</td>`;
      assert.ok(page.body.includes(cell(`1${nbsp}300${nbsp}st`)), 'the single unit’s 1300');
      assert.ok(page.body.includes(cell(`520${nbsp}st (−240)`)), 'the total of 520');
      assert.doesNotMatch(page.body, /1(\u00a0| )133/);
      assert.match(page.body, /Nyckeltalen visar varje enhets senaste rapporterade värde/);
    });
  });
}
