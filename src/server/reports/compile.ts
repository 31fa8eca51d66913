import type { Block, ChartSpec, LabelledLevel } from '../../core/report-snapshot.ts';
import {
  type Granularity,
  isoWeekOf,
  parsePeriod,
  periodLabel,
  periodOf,
  previousPeriod,
  shortPeriodLabel as periodShortLabel,
} from '../../core/time.ts';
import { actionsForReport } from '../actions/report-contribution.ts';
import { communicationForReport } from '../communication/report-contribution.ts';
import type { Db } from '../db/schema.ts';
import { decisionsForReport } from '../decisions/report-contribution.ts';
import { diversionsForReport } from '../diversions/report-contribution.ts';
import { coveredPeriod } from '../events/periods.ts';
import type { EventRow } from '../events/repository.ts';
import {
  type FigureRow,
  type ObservationRow,
  figuresForReport,
} from '../figures/report-contribution.ts';
import {
  type FigureStatus,
  type PlaceValue,
  type Series,
  buildSeries,
  changeOf,
  statusOf,
} from '../figures/series.ts';
import { risksForReport } from '../risks/report-contribution.ts';
import { type LevelOf, scalesForReport } from '../scales/report-contribution.ts';
import {
  type SituationRow,
  answersOfContent,
  situationsForReport,
} from '../situations/report-contribution.ts';
import { returnFormForReport } from '../return-forms/report-contribution.ts';
import type { ReturnField } from '../../contract/return-forms.ts';
import { answerBlocks, fieldFigureRows } from './compile-answers.ts';
import type { TemplateSection } from '../../contract/template-sections.ts';
import { unitsForReport } from '../units/report-contribution.ts';
import { eventUnitsForReport } from '../event-units/report-contribution.ts';
import { milestoneBlocks } from './compile-milestones.ts';
import { type UnitOrder, inEventOrder, placeRank, subtotals } from './compile-units.ts';
import type { ReportRow } from './repository.ts';
import type { StoredData } from './snapshot.ts';
import {
  actionState,
  areaLabels,
  channelNames,
  dayMonth,
  diversionCategories,
  formatFigure,
  genitive,
  thresholdStatusNames,
  toneNames,
} from './wording.ts';

/** Items carry their classification; the public blocks are made from the public items only. */
interface Classified<T> {
  item: T;
  internal: boolean;
}

function split<T>(items: Classified<T>[], render: (items: T[]) => Block[]): StoredData {
  return {
    internal: render(items.map((entry) => entry.item)),
    public: render(items.filter((entry) => !entry.internal).map((entry) => entry.item)),
  };
}

export function resolveTitle(title: string, event: EventRow, report: ReportRow): string {
  const { week, year } = isoWeekOf(new Date(report.compiled_at), event.time_zone);
  return title
    .replaceAll('{event}', event.name)
    .replaceAll('{week}', String(week))
    .replaceAll('{year}', String(year));
}

/** The stretch of time a report covers: since the previous report, up to its compilation. */
function windowOf(report: ReportRow) {
  return { from: report.period_start, to: report.compiled_at };
}

/** The period a report covers: the one it was compiled in, or the one before (`coveredPeriod`). */
export function reportPeriod(event: EventRow, report: ReportRow) {
  return coveredPeriod(event, new Date(report.compiled_at));
}

/**
 * Replaces each unit-situations section by one subsection per unit expected to report for the
 * report's period (or, without an input request, each unit that has reported).
 */
export async function expandUnitSections(
  db: Db,
  event: EventRow,
  report: ReportRow,
  sections: TemplateSection[],
): Promise<TemplateSection[]> {
  const expanded: TemplateSection[] = [];
  for (const section of sections) {
    if (section.kind !== 'unit_situations') {
      expanded.push({
        ...section,
        children: await expandUnitSections(db, event, report, section.children),
      });
      continue;
    }
    const order = await eventUnitsForReport(db, event.id);
    for (const unit of inEventOrder(await expectedUnits(db, event, report), order)) {
      expanded.push({
        ...section,
        key: `${section.key}-${unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unit.id}`,
        title: section.title
          .replaceAll('{unit:genitive}', genitive(unit.name))
          .replaceAll('{unit}', unit.name),
        children: [],
        unitId: unit.id,
      });
    }
  }
  return expanded;
}

/**
 * The units asked to report for the report's period; without a request for that period, those
 * asked most recently, so that a unit that has fallen silent still shows as not reported.
 */
function expectedUnits(db: Db, event: EventRow, report: ReportRow) {
  return situationsForReport(db, event.id).expectedUnits(reportPeriod(event, report).key);
}

/** Draws the data blocks of one section from the live picture, in a public and an internal version. */
export async function compileSectionData(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<{ blocks: StoredData; unitId: number | null }> {
  const kinds = section.kind === 'text' ? section.includes : [section.kind];
  const blocks: StoredData = { public: [], internal: [] };
  if (section.unitId !== undefined) {
    append(blocks, await unitSituationBlocks(db, event, report, section.unitId));
    return { blocks, unitId: section.unitId };
  }
  for (const kind of kinds) {
    const compile = compilers[kind as keyof typeof compilers];
    if (compile) append(blocks, await compile(db, event, report, section));
  }
  return { blocks, unitId: null };
}

function append(target: StoredData, addition: StoredData): void {
  target.public.push(...addition.public);
  target.internal.push(...addition.internal);
}

/** Draws one kind of data for a section; the section carries the block's parameters. */
type Compiler = (
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
) => Promise<StoredData>;

const compilers: Record<string, Compiler> = {
  decisions: decisionBlocks,
  milestones: milestoneBlocks,
  actions: actionBlocks,
  diversions: diversionBlocks,
  key_figures: keyFigureBlocks,
  risks: riskBlocks,
  communication: communicationBlocks,
  media: mediaBlocks,
  spokespersons: spokespersonBlocks,
};

async function unitSituationBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  unitId: number,
): Promise<StoredData> {
  const period = reportPeriod(event, report);
  const rows = await situationsForReport(db, event.id).ofUnit(unitId);
  const reported = rows.filter((row) => row.state === 'submitted' || row.state === 'accepted');
  const current = reported.find((row) => row.period === period.key);
  const latest = current ?? reported.find((row) => parsePeriod(row.period).start < period.start);
  const unitName = rows[0]?.unit_name ?? (await unitNameOf(db, unitId));
  const notice = current ? [] : [missingNotice(unitName, period.key, latest)];
  if (!latest) return { public: notice, internal: notice };
  const fields = await returnFormForReport(db, event.id);
  const scales = await scalesForReport(db, event.id);
  const blocks = [...notice, ...situationBlocks(latest, scales, fields)];
  return { internal: blocks, public: latest.internal === 1 ? notice : blocks };
}

async function unitNameOf(db: Db, unitId: number): Promise<string> {
  return (await unitsForReport(db)).unitNames.get(unitId) ?? 'Enheten';
}

function missingNotice(
  unitName: string,
  periodKey: string,
  fallback: SituationRow | undefined,
): Block {
  const missing = `${unitName} har inte rapporterat för ${shortPeriodLabel(periodKey)}`;
  const text = fallback
    ? `${missing}; uppgifterna är från ${shortPeriodLabel(fallback.period)}.`
    : `${missing}.`;
  return { type: 'notice', text };
}

/** The overall status, the prognosis and each area's status that the unit gave, in that order. */
function assessedLevels(
  situation: SituationRow,
  scales: { status: LevelOf; prognosis: LevelOf },
): LabelledLevel[] {
  const answers: [string, LevelOf, string | null][] = [
    ['Samlat läge', scales.status, situation.overall_status],
    ['Prognos', scales.prognosis, situation.prognosis],
    ...Object.entries(areaLabels).map(([column, label]): [string, LevelOf, string | null] => [
      label,
      scales.status,
      situation[column as keyof typeof areaLabels],
    ]),
  ];
  return answers.flatMap(([label, levelOf, key]) =>
    key === null ? [] : [{ label, level: levelOf(key) }],
  );
}

function situationBlocks(
  situation: SituationRow,
  scales: { status: LevelOf; prognosis: LevelOf },
  fields: ReturnField[],
): Block[] {
  const levels = assessedLevels(situation, scales);
  const answers = answersOfContent(situation);
  const blocks: Block[] = [];
  if (levels.length > 0) blocks.push({ type: 'levels', items: levels });
  if (situation.bullets.trim()) blocks.push({ type: 'markdown', markdown: situation.bullets });
  const figures = JSON.parse(situation.key_figures || '[]') as {
    name: string;
    value: number;
    unit?: string;
  }[];
  const figureRows = [
    ...fieldFigureRows(fields, answers),
    ...figures.map((figure) => [figure.name, formatFigure(figure.value, figure.unit ?? '')]),
  ];
  if (figureRows.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { label: 'Nyckeltal', align: 'left' },
        { label: 'Värde', align: 'right' },
      ],
      rows: figureRows,
    });
  }
  blocks.push(...answerBlocks(fields, answers));
  return blocks;
}

async function decisionBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const rows = await decisionsForReport(db, event.id).inWindow(windowOf(report));
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (decisions) =>
      decisions.length === 0
        ? []
        : [
            {
              type: 'bullets',
              items: decisions.map(
                (decision) =>
                  `${dayMonth(decision.decided_at, false, event.time_zone)} ${decision.forum}: ${decision.text}`,
              ),
            },
          ],
  );
}

async function actionBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const relevant = await actionsForReport(db, event.id, windowOf(report));
  const units = (await unitsForReport(db)).unitNames;
  return split(
    relevant.map((row) => ({ item: row, internal: row.internal === 1 })),
    (actions) =>
      actions.length === 0
        ? []
        : [
            {
              type: 'table',
              caption: 'Åtgärder',
              columns: [
                { label: 'Åtgärd', align: 'left' },
                { label: 'Ansvarig', align: 'left' },
                { label: 'Klart senast', align: 'left' },
                { label: 'Status', align: 'left' },
              ],
              rows: actions.map((action) => [
                action.text,
                action.owner_name ?? units.get(action.owner_unit_id ?? -1) ?? '',
                action.due_at ? dayMonth(action.due_at, true, event.time_zone) : '',
                actionState(action.state, action.due_at, report.compiled_at),
              ]),
            },
          ],
  );
}

async function diversionBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const rows = await diversionsForReport(db, event.id, windowOf(report));
  const facilities = (await unitsForReport(db)).facilityNames;
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (diversions) =>
      diversions.length === 0
        ? []
        : [
            {
              type: 'bullets',
              items: diversions.map((diversion) => {
                const categories = diversionCategories(
                  JSON.parse(diversion.categories) as string[],
                );
                const place = facilities.get(diversion.facility_id) ?? 'Akutmottagningen';
                const span =
                  diversion.ends_at && diversion.ends_at <= report.compiled_at
                    ? `från ${dayMonth(diversion.starts_at, true, event.time_zone)} till ${dayMonth(diversion.ends_at, true, event.time_zone)} (avslutad)`
                    : `sedan ${dayMonth(diversion.starts_at, true, event.time_zone)} (pågår)`;
                return `${place}: ${categories} hänvisas till ${diversion.redirected_to} ${span}.`;
              }),
            },
          ],
  );
}

async function keyFigureBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const { figures, directory } = await figuresForReport(db, event.id, report.compiled_at);
  const result: StoredData = { public: [], internal: [] };
  const rowsFor = { public: [] as string[][], internal: [] as string[][] };
  const granularity = event.period_granularity as Granularity;
  const order: UnitOrder = {
    units: await eventUnitsForReport(db, event.id),
    unitOfFacility: directory.unitOfFacility,
  };
  const places = (series: Series) => placeHistories(series, order, event.unitless_label);
  for (const { figure, observations } of figures) {
    const seriesFor = audienceSeries(figure, observations, (rows) =>
      buildSeries(figure, rows, granularity, directory, event.time_zone),
    );
    for (const audience of ['internal', 'public'] as const) {
      const series = seriesFor[audience];
      if (!series) continue;
      rowsFor[audience].push(...figureRows(figure, series, places(series), order));
      const chart = chartOf(figure, series, places(series));
      if (chart) result[audience].push({ type: 'chart', chart });
    }
  }
  for (const audience of ['internal', 'public'] as const) {
    if (rowsFor[audience].length === 0) continue;
    result[audience].unshift({
      type: 'table',
      caption:
        'Nyckeltal: varje enhets senaste värde i perioden och summan för antal (förändring mot perioden före)',
      columns: [
        { label: 'Nyckeltal', align: 'left' },
        { label: 'Enhet', align: 'left' },
        { label: 'Period', align: 'left' },
        { label: 'Värde', align: 'right' },
        { label: 'Läge', align: 'left' },
      ],
      rows: rowsFor[audience],
    });
  }
  return result;
}

/**
 * The series for both audiences, built once when the public one would be the same: null for the
 * public audience when the figure itself is internal.
 */
function audienceSeries(
  figure: FigureRow,
  observations: ObservationRow[],
  build: (rows: ObservationRow[]) => Series,
): { internal: Series; public: Series | null } {
  const internal = build(observations);
  if (figure.internal === 1) return { internal, public: null };
  const hasInternalRows = observations.some((row) => row.internal !== 0);
  return {
    internal,
    public: hasInternalRows ? build(observations.filter((row) => row.internal === 0)) : internal,
  };
}

const totalName = 'Totalt';

/**
 * One row per place, with its latest value in the last period it reported, in the event's order;
 * a subtotal per group where the last period's values add up; and a row for the total when the
 * last period has one over several places.
 */
function figureRows(
  figure: FigureRow,
  series: Series,
  histories: PlaceHistory[],
  order: UnitOrder,
): string[][] {
  const row = (name: string, period: string, value: number, change: number | null) => [
    figure.name,
    name,
    shortPeriodLabel(period),
    formatFigure(value, figure.unit_of_measure, change),
    statusWord(statusOf(figure, value)),
  ];
  const ranked = histories.map(({ name, entries, rank }) => {
    const [previous, last] = [entries.at(-2), entries.at(-1)!];
    return { rank, cells: row(name, last.period, last.value, changeOf(last, previous)) };
  });
  const last = series.buckets.at(-1);
  for (const subtotal of last ? subtotals(order, figure.unit_of_measure, last.places) : []) {
    ranked.push({
      rank: subtotal.rank,
      cells: row(subtotal.name, last!.period, subtotal.value, null),
    });
  }
  const rows = ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.cells);
  if (last && last.value !== null && last.places.length > 1) {
    rows.push(row(totalName, last.period, last.value, last.change));
  }
  return rows;
}

type PlaceEntry = { period: string; value: number; places: PlaceValue[] };
type PlaceHistory = { name: string; rank: number; entries: PlaceEntry[] };

/**
 * Each place's value per period it reported in, places in the event's order (what has no unit
 * first, under the event's name for it), those outside the event in the order they first reported.
 */
function placeHistories(series: Series, order: UnitOrder, unitlessLabel: string): PlaceHistory[] {
  const histories = new Map<string, PlaceHistory>();
  for (const bucket of series.buckets) {
    for (const place of bucket.places) {
      const history = histories.get(place.place) ?? {
        name: place.name ?? unitlessLabel,
        rank: placeRank(order, place.place),
        entries: [],
      };
      history.entries.push({ period: bucket.period, value: place.value, places: [place] });
      histories.set(place.place, history);
    }
  }
  return [...histories.values()].sort((a, b) => a.rank - b.rank);
}

function statusWord(status: FigureStatus | null): string {
  return status ? thresholdStatusNames[status] : '';
}

function shortPeriodLabel(period: string): string {
  return periodShortLabel(period, 'sv');
}

/** A line per place, and one for the total when some period has a total over several places. */
function chartOf(
  figure: {
    name: string;
    unit_of_measure: string;
    yellow_threshold: number | null;
    red_threshold: number | null;
  },
  series: Series,
  histories: PlaceHistory[],
): ChartSpec | null {
  const periods = series.buckets.map((bucket) => bucket.period);
  if (periods.length < 2) return null;
  const lines = histories.map(({ name, entries }) => ({
    name,
    values: periods.map(
      (period) => entries.find((entry) => entry.period === period)?.value ?? null,
    ),
  }));
  const hasTotal = series.buckets.some(
    (bucket) => bucket.value !== null && bucket.places.length > 1,
  );
  return {
    title: figure.name,
    unitOfMeasure: figure.unit_of_measure,
    labels: periods.map((period) =>
      periodLabel(period, 'sv').replace(/^vecka (\d+) \d{4}$/, 'v. $1'),
    ),
    series: hasTotal
      ? [...lines, { name: totalName, values: series.buckets.map((bucket) => bucket.value) }]
      : lines,
    thresholds: {
      ...(figure.yellow_threshold !== null && { yellow: figure.yellow_threshold }),
      ...(figure.red_threshold !== null && { red: figure.red_threshold }),
    },
  };
}

async function riskBlocks(db: Db, event: EventRow): Promise<StoredData> {
  const { risks: rows, history } = await risksForReport(db, event.id);
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (risks) =>
      risks.length === 0
        ? []
        : [
            {
              type: 'table',
              caption: 'Risk- och konsekvensbedömningar (sannolikhet × konsekvens, 1–4)',
              columns: [
                { label: 'Risk', align: 'left' },
                { label: 'Sannolikhet', align: 'right' },
                { label: 'Konsekvens', align: 'right' },
                { label: 'Riskvärde', align: 'right' },
                { label: 'Trend', align: 'left' },
              ],
              rows: risks.map((risk) => [
                risk.title,
                String(risk.likelihood),
                String(risk.consequence),
                String(risk.likelihood * risk.consequence),
                trendOf(history.get(risk.id) ?? []),
              ]),
            },
          ],
  );
}

function trendOf(assessments: { likelihood: number; consequence: number }[]): string {
  const [previous, last] = assessments.slice(-2);
  if (!previous || !last) return 'Ny';
  const change = last.likelihood * last.consequence - previous.likelihood * previous.consequence;
  return change > 0 ? 'Ökande ▲' : change < 0 ? 'Minskande ▼' : 'Oförändrad ▶';
}

async function communicationBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
): Promise<StoredData> {
  const rows = await communicationForReport(db, event.id).activities({
    fromDate: localDate(report.period_start, event.time_zone),
    toDate: localDate(report.compiled_at, event.time_zone),
  });
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (activities) =>
      activities.length === 0
        ? []
        : [
            {
              type: 'bullets',
              items: activities.map((activity) => {
                const channels = (JSON.parse(activity.channels) as string[]).map(
                  (channel) => channelNames[channel] ?? channel,
                );
                const title = activity.link
                  ? `[${escapeLinkText(activity.title)}](${activity.link})`
                  : activity.title;
                return `${dayMonth(activity.occurred_on)} ${channels.join(', ')}: ${title}`;
              }),
            },
          ],
  );
}

async function mediaBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const rows = await communicationForReport(db, event.id).mediaPictures();
  const current = reportPeriod(event, report);
  const candidates = [current.key, previousPeriod(current.key, event.time_zone).key];
  const picture = rows.find((row) => candidates.includes(row.period));
  if (!picture) return { public: [], internal: [] };
  const themes = JSON.parse(picture.themes) as string[];
  const markdown = [
    `Medierapportering ${shortPeriodLabel(picture.period)}: **${picture.article_count}** artiklar, i huvudsak ${toneNames[picture.tone]} ton.`,
    themes.length > 0 ? `Teman: ${themes.join(', ')}.` : '',
    picture.comment,
  ]
    .filter(Boolean)
    .join(' ');
  const blocks: Block[] = [{ type: 'markdown', markdown }];
  return { internal: blocks, public: picture.internal === 1 ? [] : blocks };
}

async function spokespersonBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const rows = await communicationForReport(db, event.id).spokespersons(
    localDate(report.compiled_at, event.time_zone),
  );
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (people) =>
      people.length === 0
        ? []
        : [
            {
              type: 'bullets',
              items: people.map((person) => [person.name, person.title].filter(Boolean).join(', ')),
            },
          ],
  );
}

function localDate(instant: string, zone: string): string {
  return periodOf(new Date(instant), 'day', zone).key;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}
