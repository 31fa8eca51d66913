// Configurable key-figure blocks (issue 20, src/contract/block-params.ts): a template chooses
// figures, units, layout, value rule, comparison, bands, missing mark and the reported line, and
// the compiled report shows exactly those cells. The event reports daily on the day before, so
// every observation lies in days that have passed, counted back from the moment the test runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodLabel, periodOf, zonedLocalToInstant } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

type Block =
  | { type: 'table'; caption?: string; columns: { label: string }[]; rows: string[][] }
  | { type: 'bullets'; items: string[] }
  | { type: 'markdown'; markdown: string }
  | { type: 'chart'; chart: { title: string } };

interface Section {
  id: number;
  version: number;
  key: string;
  title: string;
  parentKey: string | null;
  level: number;
  data: { public: Block[]; internal: Block[] };
}

const zone = 'Europe/Stockholm';
const dayMs = 86_400_000;
const nbsp = '\u00a0';

/** The local day `daysBack` days before today in the event's zone. */
function dayBefore(now: Date, daysBack: number): string {
  const today = periodOf(now, 'day', zone);
  return periodOf(new Date(today.start.getTime() - daysBack * dayMs + dayMs / 2), 'day', zone).key;
}

function at(day: string, time: string): string {
  return zonedLocalToInstant(day, time, zone).toISOString();
}

const p = (value: string) => `${value}${nbsp}patienter`;

for (const dialect of testDialects()) {
  describe(`configurable key-figure blocks on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let admin: Client;
    const now = new Date();
    const day = dayBefore(now, 1);
    const dayLabel = periodLabel(day, 'sv').replace(/ \d{4}$/, '');
    const ids = new Map<string, number>();
    const names = new Map<string, string>();
    let sections: Map<string, Section>;
    let secondUrl: string;
    const figuresUrl = () => `/api/events/${t.eventId}/figures`;

    async function define(key: string, name: string, unitOfMeasure: string) {
      const response = await staff.post(figuresUrl(), { key, name, unitOfMeasure });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as number;
    }

    async function observe(
      figureId: number,
      unit: string,
      value: number,
      observedAt: string,
      internal = false,
    ) {
      const response = await staff.post(`${figuresUrl()}/${figureId}/observations`, {
        value,
        observedAt,
        unitId: ids.get(unit),
        internal,
      });
      assert.equal(response.statusCode, 201, response.body);
    }

    function section(key: string, figures: object) {
      return { key, title: key, kind: 'key_figures', figures };
    }

    async function startReport(templateId: number) {
      const started = await staff.post(`/api/events/${t.eventId}/reports`, {
        kind: 'extra',
        templateId,
      });
      assert.equal(started.statusCode, 201, started.body);
      const url = `/api/events/${t.eventId}/reports/${started.json().id}`;
      return { url, id: started.json().id as number, draft: (await staff.get(url)).json() };
    }

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      admin = await t.login(adminEmail);
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
      const list = (await admin.get(`/api/events/${t.eventId}/units`)).json();
      const placed = (code: string, parent: string | null) => ({
        unitId: ids.get(code)!,
        parentUnitId: parent ? ids.get(parent)! : null,
      });
      const replaced = await admin.request('PUT', `/api/events/${t.eventId}/units`, {
        version: list.version,
        unitlessLabel: list.unitlessLabel,
        units: [
          placed('SÄS', null),
          placed('RLM', null),
          placed('NH', 'RLM'),
          placed('RH', 'RLM'),
          placed('FSS', null),
        ],
      });
      assert.equal(replaced.statusCode, 200, replaced.body);

      const admitted = await define('fb-inlagda', 'Inlagda', 'patienter');
      const [dayBeforeThat, twoBack, baseline, weekBack] = [2, 3, 4, 8].map((back) =>
        dayBefore(now, back),
      );
      await observe(admitted, 'SÄS', 60, at(day, '07:00'));
      await observe(admitted, 'SÄS', 80, at(day, '09:00'));
      await observe(admitted, 'NH', 30, at(day, '08:00'));
      await observe(admitted, 'NH', 35, at(day, '20:00'));
      await observe(admitted, 'SÄS', 90, at(day, '23:00'), true);
      await observe(admitted, 'SÄS', 70, at(dayBeforeThat!, '10:00'));
      await observe(admitted, 'NH', 25, at(dayBeforeThat!, '10:00'));
      await observe(admitted, 'RH', 12, at(dayBeforeThat!, '10:00'));
      await observe(admitted, 'SÄS', 50, at(twoBack!, '10:00'));
      await observe(admitted, 'NH', 30, at(twoBack!, '10:00'));
      await observe(admitted, 'SÄS', 10, at(baseline!, '10:00'));
      await observe(admitted, 'NH', 5, at(baseline!, '10:00'));
      await observe(admitted, 'SÄS', 40, at(weekBack!, '10:00'));
      await observe(admitted, 'NH', 20, at(weekBack!, '10:00'));
      const intensive = await define('fb-iva', 'IVA', 'patienter');
      await observe(intensive, 'SÄS', 8, at(day, '10:00'));
      await observe(intensive, 'NH', 3, at(day, '10:00'));
      const occupancy = await define('fb-belaggning', 'Beläggning', '%');
      await observe(occupancy, 'SÄS', 92.5, at(day, '10:00'));
      await observe(occupancy, 'NH', 101, at(day, '10:00'));
      await observe(occupancy, 'RH', 88, at(day, '10:00'));

      const bands = [
        { from: 0, label: 'Låg' },
        { from: 85, label: 'Hög' },
        { from: 100, label: 'Överbelagd' },
      ];
      const [sas, nh, rh, rlm] = ['SÄS', 'NH', 'RH', 'RLM'].map((code) => ids.get(code)!);
      const created = await admin.post(`/api/events/${t.eventId}/templates`, {
        name: 'Nyckeltalsblock',
        sections: [
          section('rows', {
            figures: [{ key: 'fb-inlagda' }],
            units: [sas, nh, rh],
            showReported: true,
          }),
          section('rules', {
            figures: [
              { key: 'fb-inlagda', label: 'Kl. 08', rule: 'at_time', atTime: '08:00' },
              { key: 'fb-inlagda', label: 'Summa', rule: 'sum' },
              { key: 'fb-inlagda', label: 'Max', rule: 'max' },
              { key: 'fb-inlagda', label: 'Min', rule: 'min' },
              { key: 'fb-inlagda', label: 'Medel', rule: 'average', decimals: 1 },
            ],
            units: [sas, nh],
            layout: 'matrix',
            comparison: 'none',
            chart: false,
          }),
          section('list', {
            figures: [{ key: 'fb-inlagda' }, { key: 'fb-belaggning', bands }],
            units: [sas, rlm],
            layout: 'list',
            comparison: 'same_period_last_week',
            chart: false,
          }),
          section('compound', {
            figures: [
              { key: 'fb-inlagda' },
              { key: 'fb-iva', partOf: 'fb-inlagda', label: 'i intensivvård' },
            ],
            units: [sas, nh],
            layout: 'compound',
            comparison: 'baseline',
            baselineDate: baseline,
            chart: false,
          }),
          section('repeat', {
            figures: [
              { key: 'fb-inlagda' },
              { key: 'fb-belaggning', bands, decimals: 2, unitOfMeasure: 'procent' },
            ],
            units: [rlm],
            comparison: 'none',
            missingMark: 'saknas',
            showReported: true,
            repeatPerUnit: true,
            chart: false,
          }),
          section('every', { layout: 'matrix', showReported: true, chart: false }),
          section('previous', {
            figures: [{ key: 'fb-inlagda' }],
            units: [sas, nh],
            layout: 'matrix',
            comparison: 'previous_report',
            chart: false,
          }),
          section('below', {
            figures: [
              {
                key: 'fb-belaggning',
                bands: [
                  { from: 90, label: 'Hög' },
                  { from: 100, label: 'Överbelagd' },
                ],
              },
            ],
            units: [sas, nh, rh],
            layout: 'matrix',
            comparison: 'none',
            total: false,
            chart: false,
          }),
          { key: 'plain', title: 'Utan parametrar', kind: 'key_figures' },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const templateId = created.json().id as number;

      // A report published earlier, compiled on the day before the day before: it covered `twoBack`.
      const approver = await t.login(demoPeople.approver);
      const first = await startReport(templateId);
      const submitted = await staff.post(`${first.url}/submit`, { version: first.draft.version });
      const approved = await approver.post(`${first.url}/approve`, {
        version: submitted.json().version,
      });
      const published = await approver.post(`${first.url}/publish`, {
        version: approved.json().version,
      });
      assert.equal(published.json().state, 'published', published.body);
      await t.database.db
        .updateTable('reports')
        .set({ compiled_at: at(dayBeforeThat!, '12:00') })
        .where('id', '=', first.id)
        .execute();

      const second = await startReport(templateId);
      secondUrl = second.url;
      sections = new Map((second.draft.sections as Section[]).map((entry) => [entry.key, entry]));
    });
    after(() => t.close());

    const blocksOf = (key: string) => sections.get(key)!.data.public;
    const tableOf = (key: string) =>
      blocksOf(key).find(
        (block): block is Extract<Block, { type: 'table' }> => block.type === 'table',
      )!;

    it('lists each chosen unit, the missing mark, the total, the change and the reported line', () => {
      const blocks = blocksOf('rows');
      assert.deepEqual(blocks[0], { type: 'markdown', markdown: '2 av 3 enheter har rapporterat' });
      const table = tableOf('rows');
      assert.equal(table.caption, `Nyckeltal ${dayLabel} (förändring mot perioden före)`);
      assert.deepEqual(table.rows, [
        ['Inlagda', names.get('SÄS'), dayLabel, `${p('80')} (+10)`, ''],
        ['Inlagda', names.get('NH'), dayLabel, `${p('35')} (+10)`, ''],
        ['Inlagda', names.get('RH'), dayLabel, 'u/a', ''],
        // RH reported the day before but not this day: a total over other units has no change.
        ['Inlagda', 'Totalt', dayLabel, p('115'), ''],
      ]);
      assert.deepEqual(
        blocks.filter((block) => block.type === 'chart').map((block) => block.chart.title),
        ['Inlagda'],
      );
    });

    it('shows an internal observation only in the internal version', () => {
      const internal = sections.get('rows')!.data.internal;
      const table = internal.find(
        (block): block is Extract<Block, { type: 'table' }> => block.type === 'table',
      )!;
      assert.deepEqual(
        table.rows.map((row) => row[3]),
        [`${p('90')} (+20)`, `${p('35')} (+10)`, 'u/a', p('125')],
      );
    });

    it('reads each rule per unit and adds only latest, at-time and sum across units', () => {
      const table = tableOf('rules');
      assert.equal(table.caption, `Nyckeltal ${dayLabel}`);
      assert.deepEqual(
        table.columns.map((column) => column.label),
        ['Enhet', 'Kl. 08', 'Summa', 'Max', 'Min', 'Medel'],
      );
      assert.deepEqual(table.rows, [
        [names.get('SÄS'), p('60'), p('140'), p('80'), p('60'), p('70,0')],
        [names.get('NH'), p('30'), p('65'), p('35'), p('30'), p('32,5')],
        ['Totalt', p('90'), p('205'), '', '', ''],
      ]);
      assert.equal(blocksOf('rules').filter((block) => block.type === 'chart').length, 0);
    });

    it('lists "Figure: value" lines against last week, per unit with bands where it does not add', () => {
      const [list, bandTable] = blocksOf('list');
      assert.deepEqual(list, {
        type: 'bullets',
        items: [
          `Inlagda: ${p('115')} (+55)`,
          `Beläggning, ${names.get('SÄS')}: 92,5${nbsp}% – Hög`,
          `Beläggning, ${names.get('NH')}: 101${nbsp}% – Överbelagd`,
          `Beläggning, ${names.get('RH')}: 88${nbsp}% – Hög`,
        ],
      });
      assert.deepEqual(bandTable, {
        type: 'table',
        caption: 'Beläggning: antal enheter per band',
        columns: [
          { label: 'Band', align: 'left' },
          { label: 'Enheter', align: 'right' },
        ],
        rows: [
          ['Låg', '0'],
          ['Hög', '2'],
          ['Överbelagd', '1'],
        ],
      });
    });

    // The rule for bands: a band holds the values from its start up to the next band's; a value
    // below the lowest band is in none of them, but counted in a row "Under <lowest start>" that is
    // there only when some unit is below, and its cell names it. A unit without a value is in no row.
    it('counts the units below the lowest band in a row of their own', () => {
      const [matrix, bandTable] = blocksOf('below');
      assert.deepEqual((matrix as Extract<Block, { type: 'table' }>).rows, [
        [names.get('SÄS'), `92,5${nbsp}% – Hög`],
        [names.get('NH'), `101${nbsp}% – Överbelagd`],
        [names.get('RH'), `88${nbsp}% – Under 90${nbsp}%`],
      ]);
      assert.deepEqual((bandTable as Extract<Block, { type: 'table' }>).rows, [
        [`Under 90${nbsp}%`, '1'],
        ['Hög', '1'],
        ['Överbelagd', '1'],
      ]);
    });

    it('writes "N, varav M" against a baseline day', () => {
      assert.deepEqual(blocksOf('compound'), [
        { type: 'bullets', items: [`Inlagda: ${p('115')} (+100), varav 11 i intensivvård`] },
      ]);
    });

    it('repeats the block as a subsection per unit of a group, with the template’s mark and decimals', () => {
      const occupancyBands = (counts: string[]) => ({
        type: 'table',
        caption: 'Beläggning: antal enheter per band',
        columns: [
          { label: 'Band', align: 'left' },
          { label: 'Enheter', align: 'right' },
        ],
        rows: [
          ['Låg', counts[0]],
          ['Hög', counts[1]],
          ['Överbelagd', counts[2]],
        ],
      });
      const rowsOf = (code: string, admitted: string, occupancy: string, band: string) => ({
        type: 'table',
        caption: `Nyckeltal ${dayLabel}`,
        columns: [
          { label: 'Nyckeltal', align: 'left' },
          { label: 'Enhet', align: 'left' },
          { label: 'Period', align: 'left' },
          { label: 'Värde', align: 'right' },
          { label: 'Läge', align: 'left' },
        ],
        rows: [
          ['Inlagda', names.get(code), dayLabel, admitted, ''],
          ['Beläggning', names.get(code), dayLabel, occupancy, band],
        ],
      });
      assert.deepEqual(blocksOf('repeat'), [
        { type: 'markdown', markdown: '2 av 2 enheter har rapporterat' },
      ]);
      const copies = [...sections.values()].filter((entry) => entry.parentKey === 'repeat');
      assert.deepEqual(
        copies.map((entry) => [entry.key, entry.title, entry.level]),
        [
          [`repeat-nh-${ids.get('NH')}`, names.get('NH'), sections.get('repeat')!.level + 1],
          [`repeat-rh-${ids.get('RH')}`, names.get('RH'), sections.get('repeat')!.level + 1],
        ],
      );
      assert.deepEqual(
        copies.map((entry) => entry.data.public),
        [
          [
            rowsOf('NH', p('35'), `101,00${nbsp}procent`, 'Överbelagd'),
            occupancyBands(['0', '0', '1']),
          ],
          [rowsOf('RH', 'saknas', `88,00${nbsp}procent`, 'Hög'), occupancyBands(['0', '1', '0'])],
        ],
      );
    });

    it('shows every figure of the event when none is chosen, and counts no group as silent', async () => {
      const figures = (await staff.get(figuresUrl())).json().items as { name: string }[];
      const [reported, table] = sections.get('every')!.data.internal as [
        Extract<Block, { type: 'markdown' }>,
        Extract<Block, { type: 'table' }>,
      ];
      assert.deepEqual(
        table.columns.map((column) => column.label).sort(),
        ['Enhet', ...figures.map((figure) => figure.name)].sort(),
      );
      // The event's units are SÄS, RLM (a group of NH and RH) and FSS: RLM reports nothing itself.
      assert.deepEqual(
        table.rows.slice(0, 5).map((row) => row[0]),
        ['SÄS', 'RLM', 'NH', 'RH', 'FSS'].map((code) => names.get(code)),
      );
      assert.match(reported.markdown, /^\d av 4 enheter har rapporterat$/);
    });

    it('keeps the block’s parameters when a section is refreshed', async () => {
      for (const key of ['rows', 'rules']) {
        const before = sections.get(key)!;
        const refreshed = await staff.post(`${secondUrl}/sections/${before.id}/refresh`, {
          version: before.version,
        });
        assert.equal(refreshed.statusCode, 200, refreshed.body);
        assert.deepEqual(refreshed.json().data, before.data);
      }
    });

    it('compares with the period of the previous published report', () => {
      assert.deepEqual(tableOf('previous').rows, [
        [names.get('SÄS'), `${p('80')} (+30)`],
        [names.get('NH'), `${p('35')} (+5)`],
        ['Totalt', `${p('115')} (+35)`],
      ]);
    });

    it('compiles a section without parameters as before, every figure of the event', () => {
      const table = tableOf('plain');
      assert.match(table.caption!, /^Nyckeltal: varje enhets senaste värde/);
      assert.ok(table.rows.some((row) => row[0] === 'Beläggning'));
      assert.ok(table.rows.some((row) => row[0] !== 'Beläggning' && row[0] !== 'Inlagda'));
    });
  });
}
