// Issue 20: a configured key-figure block's chart reads each point by the block's value rule, as
// its numbers are read, over the periods up to the block's own. The event reports daily on the
// day before; every observation lies in days that have passed, counted back from now.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodLabel, periodOf, zonedLocalToInstant } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Chart {
  title: string;
  unitOfMeasure: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  decimals?: number;
}

type Block = { type: 'chart'; chart: Chart } | { type: 'table'; rows: string[][] };

const zone = 'Europe/Stockholm';
const dayMs = 86_400_000;

/** The local day `daysBack` days before today in the event's zone. */
function dayBefore(now: Date, daysBack: number): string {
  const today = periodOf(now, 'day', zone);
  return periodOf(new Date(today.start.getTime() - daysBack * dayMs + dayMs / 2), 'day', zone).key;
}

function at(day: string, time: string): string {
  return zonedLocalToInstant(day, time, zone).toISOString();
}

for (const dialect of testDialects()) {
  describe(`charts of configured key-figure blocks on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    const now = new Date();
    const [today, third, second, first] = [0, 3, 2, 1].map((back) => dayBefore(now, back));
    const labels = [third!, second!, first!].map((day) => periodLabel(day, 'sv'));
    const ids = new Map<string, number>();
    const names = new Map<string, string>();
    let charts: Map<string, Chart[]>;
    let tables: Map<string, string[][]>;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      const admin = await t.login(adminEmail);
      const units = (await admin.get('/api/units')).json().items as {
        id: number;
        code: string;
        name: string;
      }[];
      for (const unit of units) {
        ids.set(unit.code, unit.id);
        names.set(unit.code, unit.name);
      }
      await t.database.db
        .updateTable('events')
        .set({ period_granularity: 'day', report_covers: 'previous', time_zone: zone })
        .where('id', '=', t.eventId)
        .execute();
      const figuresUrl = `/api/events/${t.eventId}/figures`;
      const defined = await staff.post(figuresUrl, {
        key: 'fc-inlagda',
        name: 'Inlagda',
        unitOfMeasure: 'patienter',
      });
      assert.equal(defined.statusCode, 201, defined.body);
      const observe = async (unit: string, value: number, observedAt: string) => {
        const response = await staff.post(`${figuresUrl}/${defined.json().id}/observations`, {
          value,
          observedAt,
          unitId: ids.get(unit),
        });
        assert.equal(response.statusCode, 201, response.body);
      };
      await observe('SÄS', 50, at(third!, '10:00'));
      await observe('SÄS', 70, at(third!, '14:00'));
      await observe('NH', 20, at(third!, '09:00'));
      await observe('SÄS', 40, at(second!, '07:00'));
      await observe('SÄS', 60, at(second!, '12:00'));
      await observe('SÄS', 30, at(second!, '20:00'));
      await observe('NH', 25, at(second!, '10:00'));
      await observe('NH', 15, at(second!, '18:00'));
      await observe('SÄS', 80, at(first!, '09:00'));
      // Stored later but observed earlier: not the day's latest value.
      await observe('SÄS', 60, at(first!, '07:00'));
      await observe('NH', 35, at(first!, '08:00'));
      await observe('NH', 30, at(first!, '20:00'));
      // Today lies after the period the report covers: in no chart.
      await observe('SÄS', 999, at(today!, '00:00'));

      const chosen = [ids.get('SÄS')!, ids.get('NH')!];
      const section = (key: string, figure: object) => ({
        key,
        title: key,
        kind: 'key_figures',
        figures: { figures: [{ key: 'fc-inlagda', ...figure }], units: chosen, comparison: 'none' },
      });
      const created = await admin.post(`/api/events/${t.eventId}/templates`, {
        name: 'Diagram efter regel',
        sections: [
          section('latest', {}),
          section('sum', { rule: 'sum', label: 'Summa' }),
          section('max', { rule: 'max', label: 'Högsta' }),
          section('at-time', { rule: 'at_time', atTime: '08:00', label: 'Kl. 08' }),
          section('decimals', { decimals: 2, label: 'Med två decimaler' }),
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const started = await staff.post(`/api/events/${t.eventId}/reports`, {
        kind: 'extra',
        templateId: created.json().id,
      });
      assert.equal(started.statusCode, 201, started.body);
      const draft = (
        await staff.get(`/api/events/${t.eventId}/reports/${started.json().id}`)
      ).json() as { sections: { key: string; data: { public: Block[] } }[] };
      charts = new Map(
        draft.sections.map((entry) => [
          entry.key,
          entry.data.public.flatMap((block) => (block.type === 'chart' ? [block.chart] : [])),
        ]),
      );
      tables = new Map(
        draft.sections.map((entry) => [
          entry.key,
          entry.data.public.find((block) => block.type === 'table')?.rows ?? [],
        ]),
      );
    });
    after(() => t.close());

    const sas = () => names.get('SÄS')!;
    const nh = () => names.get('NH')!;

    it('draws each unit’s latest value per day and their total (the default rule)', () => {
      assert.deepEqual(charts.get('latest'), [
        {
          title: 'Inlagda',
          unitOfMeasure: 'patienter',
          labels,
          series: [
            { name: sas(), values: [70, 30, 80] },
            { name: nh(), values: [20, 15, 30] },
            { name: 'Totalt', values: [90, 45, 110] },
          ],
          thresholds: {},
        },
      ]);
    });

    it('draws each unit’s sum per day, and adds the sums', () => {
      assert.deepEqual(charts.get('sum')?.[0]?.series, [
        { name: sas(), values: [120, 130, 140] },
        { name: nh(), values: [20, 40, 65] },
        { name: 'Totalt', values: [140, 170, 205] },
      ]);
      assert.equal(charts.get('sum')?.[0]?.title, 'Summa');
    });

    it('draws each unit’s maximum per day, with no total since maxima do not add', () => {
      assert.deepEqual(charts.get('max')?.[0]?.series, [
        { name: sas(), values: [70, 60, 80] },
        { name: nh(), values: [20, 25, 35] },
      ]);
    });

    it('draws the value at 08:00, a total only where both units had one', () => {
      assert.deepEqual(charts.get('at-time')?.[0]?.series, [
        { name: sas(), values: [null, 40, 60] },
        { name: nh(), values: [null, null, 35] },
        { name: 'Totalt', values: [null, null, 95] },
      ]);
    });

    it('carries the decimals the block chose, for the chart’s table', () => {
      const [chart] = charts.get('decimals')!;
      assert.equal(chart?.decimals, 2);
      assert.deepEqual(chart?.series, charts.get('latest')?.[0]?.series);
      assert.equal(charts.get('latest')?.[0]?.decimals, undefined);
    });

    it('ends each chart on the numbers the block shows for its period', () => {
      for (const key of ['latest', 'sum', 'max', 'at-time']) {
        const chart = charts.get(key)![0]!;
        const shown = tables.get(key)!.map((row) => row[3]);
        const drawn = chart.series.map((line) => `${line.values.at(-1)}\u00a0patienter`);
        assert.deepEqual(drawn, shown, key);
      }
    });
  });
}
