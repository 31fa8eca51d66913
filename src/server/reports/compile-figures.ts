import type { Block, ChartSpec, TableColumn } from '../../core/report-snapshot.ts';
import {
  type Granularity,
  type Period,
  periodLabel,
  periodOf,
  previousPeriod,
  zonedLocalToInstant,
} from '../../core/time.ts';
import type { FigureChoice, FigureLayout, KeyFigureBlock } from '../../contract/block-params.ts';
import type { TemplateSection } from '../../contract/template-sections.ts';
import type { Db } from '../db/schema.ts';
import { coveredPeriod } from '../events/periods.ts';
import type { EventRow } from '../events/repository.ts';
import { type EventUnit, eventUnitsForReport } from '../event-units/report-contribution.ts';
import {
  atTimeOfLastDay,
  percentOf,
  ruleAdds,
  totalByRule,
  valueByRule,
  withoutNoise,
} from '../figures/aggregation.ts';
import {
  type FigureRow,
  type ObservationRow,
  type PlaceDirectory,
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
import { type UnitOrder, placeRank, subtotals } from './compile-units.ts';
import { type ReportRow, latestPublished } from './repository.ts';
import type { StoredData } from './snapshot.ts';
import { type ReportWording, reportWording } from '../../core/report-wording.ts';
import { dayMonth, formatFigure, formatNumber, shortPeriodLabel } from './wording.ts';

// The key-figure block of a report section: without parameters every figure of the event as it
// has always been compiled; with them (src/contract/block-params.ts) the figures, units, layout,
// value rules, comparison, bands and marks the template chose.

/** Draws a section's key-figure block, as its template configured it. */
export function keyFigureBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  return section.figures
    ? configuredFigureBlocks(db, event, report, section.figures)
    : everyFigureBlocks(db, event, report);
}

/** Without parameters: every figure of the event, each place by its latest value, as always. */
async function everyFigureBlocks(db: Db, event: EventRow, report: ReportRow): Promise<StoredData> {
  const { figures, directory } = await figuresForReport(db, event.id, report.compiled_at);
  const result: StoredData = { public: [], internal: [] };
  const rowsFor = { public: [] as string[][], internal: [] as string[][] };
  const granularity = event.period_granularity as Granularity;
  const order: UnitOrder = {
    units: await eventUnitsForReport(db, event.id),
    unitOfFacility: directory.unitOfFacility,
  };
  const places = (series: Series) => placeHistories(series, order, event.unitless_label);
  const words = reportWording(event.language);
  for (const { figure, observations } of figures) {
    const seriesFor = audienceSeries(figure, observations, (rows) =>
      buildSeries(figure, rows, granularity, directory, event.time_zone),
    );
    for (const audience of ['internal', 'public'] as const) {
      const series = seriesFor[audience];
      if (!series) continue;
      rowsFor[audience].push(...figureRows(figure, series, places(series), order, words));
      const chart = chartOf(figure, series, places(series), words);
      if (chart) result[audience].push({ type: 'chart', chart });
    }
  }
  for (const audience of ['internal', 'public'] as const) {
    if (rowsFor[audience].length === 0) continue;
    result[audience].unshift({
      type: 'table',
      caption: words.figures.everyFigure,
      columns: figureColumns(words),
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

/** The columns of a table of rows: figure, unit, period, value and where the value stands. */
function figureColumns(words: ReportWording): TableColumn[] {
  return [
    { label: words.figure, align: 'left' },
    { label: words.unit, align: 'left' },
    { label: words.period, align: 'left' },
    { label: words.value, align: 'right' },
    { label: words.state, align: 'left' },
  ];
}

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
  words: ReportWording,
): string[][] {
  const row = (name: string, period: string, value: number, change: number | null) => [
    figure.name,
    name,
    shortPeriodLabel(period, words),
    formatFigure(value, figure.unit_of_measure, change, undefined, words),
    statusWord(statusOf(figure, value), words),
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
    rows.push(row(words.total, last.period, last.value, last.change));
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

function statusWord(status: FigureStatus | null, words: ReportWording): string {
  return status ? words.thresholdStatus[status] : '';
}

/** A line per place, and one for the total when some period has a total over several places. */
function chartOf(
  figure: ChartFigure,
  series: Series,
  histories: PlaceHistory[],
  words: ReportWording,
): ChartSpec | null {
  const periods = series.buckets.map((bucket) => bucket.period);
  const lines = histories.map(({ name, entries }) => ({
    name,
    values: periods.map(
      (period) => entries.find((entry) => entry.period === period)?.value ?? null,
    ),
  }));
  const hasTotal = series.buckets.some(
    (bucket) => bucket.value !== null && bucket.places.length > 1,
  );
  const total = { name: words.total, values: series.buckets.map((bucket) => bucket.value) };
  return chartSpec(figure, periods, hasTotal ? [...lines, total] : lines, words);
}

type ChartFigure = Pick<
  FigureRow,
  'name' | 'unit_of_measure' | 'yellow_threshold' | 'red_threshold'
> & { decimals?: number };

/** A chart of the lines over the periods, or null for fewer than two periods. */
function chartSpec(
  figure: ChartFigure,
  periods: string[],
  lines: ChartSpec['series'],
  words: ReportWording,
): ChartSpec | null {
  if (periods.length < 2) return null;
  const week = new RegExp(`^${words.week} (\\d+) \\d{4}$`);
  return {
    title: figure.name,
    unitOfMeasure: figure.unit_of_measure,
    labels: periods.map((period) =>
      periodLabel(period, words.language).replace(week, `${words.weekShort} $1`),
    ),
    series: lines,
    thresholds: {
      ...(figure.yellow_threshold !== null && { yellow: figure.yellow_threshold }),
      ...(figure.red_threshold !== null && { red: figure.red_threshold }),
    },
    ...(figure.decimals !== undefined && { decimals: figure.decimals }),
  };
}

/** Which observations a value is read from: those in [start, end) observed no later than `until`. */
interface Reading {
  start: Date;
  end: Date;
  until: Date;
}

/** One chosen figure's values in the report's period and in the period it is compared with. */
interface FigureValues {
  choice: FigureChoice;
  figure: FigureRow;
  label: string;
  unitOfMeasure: string;
  observations: ObservationRow[];
  current: Map<number, number>;
  compared: Map<number, number> | null;
  /** A percentage the template computes from two counts: the parts' values when they read. */
  ratio: { current: RatioParts; compared: RatioParts | null } | null;
}

/** The two counts of a percentage, each unit's value. */
interface RatioParts {
  part: Map<number, number>;
  whole: Map<number, number>;
}

type Moment = 'current' | 'compared';

/** What rendering a block needs besides the values. */
interface BlockContext {
  block: KeyFigureBlock;
  order: UnitOrder;
  period: Period;
  /** When the report was compiled: nothing observed later is read. */
  until: Date;
  directory: PlaceDirectory;
  unitlessLabel: string;
  granularity: Granularity;
  zone: string;
  words: ReportWording;
}

const day = 86_400_000;

async function configuredFigureBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  block: KeyFigureBlock,
): Promise<StoredData> {
  const { figures, directory } = await figuresForReport(db, event.id, report.compiled_at);
  const eventUnits = await eventUnitsForReport(db, event.id);
  const units = block.repeatPerUnit
    ? repeatedUnits(block, eventUnits)
    : chosenUnits(block.units, eventUnits);
  const period = coveredPeriod(event, new Date(report.compiled_at));
  const current = { start: period.start, end: period.end, until: new Date(report.compiled_at) };
  const compared = await comparedReading(db, event, report, block, period);
  const context: BlockContext = {
    block,
    order: { units: eventUnits, unitOfFacility: directory.unitOfFacility },
    period,
    until: current.until,
    directory,
    unitlessLabel: event.unitless_label,
    granularity: event.period_granularity,
    zone: event.time_zone,
    words: reportWording(event.language),
  };
  const result: StoredData = { public: [], internal: [] };
  for (const audience of ['internal', 'public'] as const) {
    const unitOf = unitOfRow(directory.unitOfFacility);
    const visible = (key: string) => {
      const found = figures.find((entry) => entry.figure.key === key);
      if (!found || (audience === 'public' && found.figure.internal === 1)) return null;
      const observations = found.observations.filter(
        (row) =>
          (audience === 'internal' || row.internal === 0) &&
          units.some((unit) => unit.unitId === unitOf(row)),
      );
      return { figure: found.figure, observations };
    };
    const values = choicesOf(block, figures).flatMap((choice): FigureValues[] => {
      const found = visible(choice.key);
      if (!found) return [];
      const parts = choice.ratioOf && {
        part: visible(choice.ratioOf.part),
        whole: visible(choice.ratioOf.whole),
      };
      const readOf =
        (reading: Reading) =>
        (figure: FigureRow, observations: ObservationRow[], fromParts?: RatioParts | null) =>
          valuesPerUnit(choice, figure, observations, units, reading, {
            zone: event.time_zone,
            unitOf,
            fromParts,
          });
      const readParts = (reading: Reading): RatioParts | null =>
        parts?.part && parts.whole
          ? {
              part: readOf(reading)(parts.part.figure, parts.part.observations),
              whole: readOf(reading)(parts.whole.figure, parts.whole.observations),
            }
          : null;
      const ratio =
        parts?.part && parts.whole
          ? { current: readParts(current)!, compared: compared ? readParts(compared) : null }
          : null;
      const read = (reading: Reading, fromParts: RatioParts | null | undefined) =>
        readOf(reading)(found.figure, found.observations, fromParts);
      return [
        {
          choice,
          figure: found.figure,
          label: choice.label || found.figure.name,
          unitOfMeasure: choice.unitOfMeasure ?? found.figure.unit_of_measure,
          observations: found.observations,
          current: read(current, ratio?.current),
          compared: compared ? read(compared, ratio?.compared) : null,
          ratio,
        },
      ];
    });
    result[audience] = renderBlock(values, units, context);
  }
  return result;
}

/** The chosen figures; none chosen: every figure of the event, each by its latest value. */
function choicesOf(block: KeyFigureBlock, figures: { figure: FigureRow }[]): FigureChoice[] {
  if (block.figures.length > 0) return block.figures;
  return figures.map(({ figure }) => ({ key: figure.key, rule: 'latest', bands: [] }));
}

/**
 * The units a block repeated per unit gives a copy to: the chosen units with no unit of the event
 * under them, since a group's figures are its units' figures.
 */
export function repeatedUnits(block: KeyFigureBlock, eventUnits: EventUnit[]): EventUnit[] {
  return chosenUnits(block.units, eventUnits).filter(
    (unit) => !eventUnits.some((other) => other.parentUnitId === unit.unitId),
  );
}

/** The event's units a block shows: all of them, or those chosen, a group standing for its units. */
function chosenUnits(chosen: number[], eventUnits: EventUnit[]): EventUnit[] {
  if (chosen.length === 0) return eventUnits;
  const ids = new Set<number>();
  for (const id of chosen) {
    const below = descendantsOf(id, eventUnits);
    const meant = below.length > 0 ? below : eventUnits.filter((unit) => unit.unitId === id);
    for (const unit of meant) ids.add(unit.unitId);
  }
  return eventUnits.filter((unit) => ids.has(unit.unitId));
}

function descendantsOf(id: number, eventUnits: EventUnit[]): EventUnit[] {
  const children = eventUnits.filter((unit) => unit.parentUnitId === id);
  return children.flatMap((child) => [child, ...descendantsOf(child.unitId, eventUnits)]);
}

/** Whether one of the units lies under another, so that adding them could count twice. */
function nested(units: EventUnit[]): boolean {
  const ids = new Set(units.map((unit) => unit.unitId));
  return units.some((unit) => unit.parentUnitId !== null && ids.has(unit.parentUnitId));
}

/** What the values are compared with, or null for no comparison (or no earlier report). */
async function comparedReading(
  db: Db,
  event: EventRow,
  report: ReportRow,
  block: KeyFigureBlock,
  period: Period,
): Promise<Reading | null> {
  const until = new Date(report.compiled_at);
  const zone = event.time_zone;
  switch (block.comparison) {
    case 'none':
      return null;
    case 'previous_period':
      return { ...previousPeriod(period.key, zone), until };
    case 'same_period_last_week': {
      const weekBefore = new Date(period.start.getTime() - 7 * day + day / 2);
      return { ...periodOf(weekBefore, event.period_granularity, zone), until };
    }
    case 'baseline': {
      const start = zonedLocalToInstant(block.baselineDate!, '00:00', zone);
      return { start, end: periodOf(start, 'day', zone).end, until };
    }
    case 'previous_report': {
      const previous = await latestPublished(db, event.id, report.compiled_at);
      if (!previous) return null;
      const compiledAt = new Date(previous.compiled_at);
      return { ...coveredPeriod(event, compiledAt), until: compiledAt };
    }
  }
}

/** Each unit's value by the figure's rule, for the units that have one. */
function valuesPerUnit(
  choice: FigureChoice,
  figure: FigureRow,
  observations: ObservationRow[],
  units: EventUnit[],
  reading: Reading,
  {
    zone,
    unitOf,
    fromParts,
  }: {
    zone: string;
    unitOf: (row: ObservationRow) => number | null;
    fromParts?: RatioParts | null | undefined;
  },
): Map<number, number> {
  const inReading = observations.filter((row) => {
    const instant = Date.parse(row.observed_at);
    return (
      instant >= reading.start.getTime() &&
      instant < reading.end.getTime() &&
      instant <= reading.until.getTime()
    );
  });
  const atInstant =
    choice.rule === 'at_time' ? atTimeOfLastDay(reading, choice.atTime!, zone) : undefined;
  const values = new Map<number, number>();
  for (const unit of units) {
    const rows = inReading.filter((row) => unitOf(row) === unit.unitId);
    const value = unitValue(choice, figure, rows, atInstant, ratioOfUnit(fromParts, unit.unitId));
    if (value !== null) values.set(unit.unitId, value);
  }
  return values;
}

/** The unit a row is about: its own, or the unit of its facility. */
function unitOfRow(unitOfFacility: ReadonlyMap<number, number>) {
  return (row: ObservationRow): number | null =>
    row.facility_id === null ? row.unit_id : (unitOfFacility.get(row.facility_id) ?? null);
}

/** A unit's percentage from its parts' values, when both parts have one. */
function ratioOfUnit(parts: RatioParts | null | undefined, unitId: number): number | null {
  const [part, whole] = [parts?.part.get(unitId), parts?.whole.get(unitId)];
  return part === undefined || whole === undefined ? null : percentOf(part, whole);
}

/**
 * A unit's value by the rule: from what the unit reported for itself when it did; otherwise, for
 * a percentage the template computes, from its parts; otherwise its facilities' values by the
 * rule, added where the figure adds up (decision 007: a unit and one of its facilities are never
 * added together).
 */
function unitValue(
  choice: FigureChoice,
  figure: FigureRow,
  rows: ObservationRow[],
  atInstant: Date | undefined,
  fromParts: number | null,
): number | null {
  const own = rows.filter((row) => row.facility_id === null);
  if (own.length > 0) return valueByRule(choice.rule, own, atInstant);
  if (fromParts !== null) return fromParts;
  const facilities = [...new Set(rows.map((row) => row.facility_id))];
  const facilityValues = facilities
    .map((facility) =>
      valueByRule(
        choice.rule,
        rows.filter((row) => row.facility_id === facility),
        atInstant,
      ),
    )
    .filter((value): value is number => value !== null);
  return totalByRule(choice.rule, figure.unit_of_measure, facilityValues);
}

/**
 * The figure added up over the units, where it adds up and no unit lies under another; a
 * percentage the template computes from its parts is the parts' totals' percentage, when every
 * unit with a value has both parts.
 */
function totalOver(values: FigureValues, units: EventUnit[], when: Moment): number | null {
  const read = values[when];
  return read ? totalOfRead(values, units, read, values.ratio?.[when]) : null;
}

/** A percentage's total comes from its parts' totals; without the parts there is none. */
function totalOfRead(
  values: FigureValues,
  units: EventUnit[],
  read: Map<number, number>,
  ratioParts: RatioParts | null | undefined,
): number | null {
  const present = units.filter((unit) => read.has(unit.unitId));
  if (nested(present)) return null;
  if (values.ratio && present.length > 1) return ratioTotal(ratioParts ?? null, present);
  const numbers = present.map((unit) => read.get(unit.unitId)!);
  return totalByRule(values.choice.rule, values.figure.unit_of_measure, numbers);
}

function ratioTotal(parts: RatioParts | null, present: EventUnit[]): number | null {
  if (!parts) return null;
  const sumOf = (read: Map<number, number>) =>
    present.reduce<number | null>((sum, unit) => {
      const value = read.get(unit.unitId);
      return sum === null || value === undefined ? null : sum + value;
    }, 0);
  const [part, whole] = [sumOf(parts.part), sumOf(parts.whole)];
  return part === null || whole === null ? null : percentOf(part, whole);
}

/** The change of the total, only when both totals are over the same units. */
function totalChange(values: FigureValues, units: EventUnit[]): number | null {
  if (!values.compared) return null;
  const now = totalOver(values, units, 'current');
  const before = totalOver(values, units, 'compared');
  if (now === null || before === null) return null;
  const reporting = (read: Map<number, number>) =>
    units
      .filter((unit) => read.has(unit.unitId))
      .map((unit) => unit.unitId)
      .join(' ');
  if (reporting(values.current) !== reporting(values.compared)) return null;
  return withoutNoise(now - before);
}

function unitChange(values: FigureValues, unitId: number): number | null {
  const now = values.current.get(unitId);
  const before = values.compared?.get(unitId);
  return now === undefined || before === undefined ? null : withoutNoise(now - before);
}

/**
 * The band a value falls in: the one with the highest start at or below it; a value below every
 * band is "Under <the lowest start>", so that every unit with a value is counted somewhere.
 */
function bandOf(values: FigureValues, value: number, words: ReportWording): string | null {
  const bands = [...values.choice.bands].sort((a, b) => b.from - a.from);
  if (bands.length === 0) return null;
  const found = bands.find((band) => value >= band.from);
  return found?.label ?? belowBands(values, bands.at(-1)!.from, words);
}

function belowBands(values: FigureValues, lowest: number, words: ReportWording): string {
  return words.figures.below(
    formatFigure(lowest, values.unitOfMeasure, undefined, undefined, words),
  );
}

function formatted(
  values: FigureValues,
  value: number,
  change: number | null,
  words: ReportWording,
): string {
  return formatFigure(value, values.unitOfMeasure, change, values.choice.decimals, words);
}

/** A value with its change and, where the figure has bands, its band after a dash. */
function cellWithBand(
  values: FigureValues,
  value: number,
  change: number | null,
  words: ReportWording,
): string {
  const band = bandOf(values, value, words);
  return `${formatted(values, value, change, words)}${band ? ` – ${band}` : ''}`;
}

/** Where a value stands: its band when the figure has bands, otherwise its threshold status. */
function levelOf(values: FigureValues, value: number, words: ReportWording): string {
  if (values.choice.bands.length > 0) return bandOf(values, value, words) ?? '';
  return statusWord(statusOf(values.figure, value), words);
}

function renderBlock(figures: FigureValues[], units: EventUnit[], context: BlockContext): Block[] {
  if (figures.length === 0) return [];
  const reported = context.block.showReported ? [reportedLine(figures, units, context)] : [];
  // The copies per unit are subsections of their own (expandUnitSections in compile.ts).
  if (context.block.repeatPerUnit) return reported;
  return [...reported, ...copyOf(figures, units, context)];
}

/**
 * "2 av 3 enheter har rapporterat": units with a value for some figure, of the units expected to
 * report: those chosen with no unit under them, and a group only when it reported itself.
 */
function reportedLine(figures: FigureValues[], units: EventUnit[], context: BlockContext): Block {
  const hasValue = (unit: EventUnit) => figures.some((values) => values.current.has(unit.unitId));
  const isGroup = (unit: EventUnit) =>
    context.order.units.some((other) => other.parentUnitId === unit.unitId);
  const expected = units.filter((unit) => !isGroup(unit) || hasValue(unit));
  const reported = expected.filter(hasValue).length;
  return { type: 'markdown', markdown: context.words.reported(reported, expected.length) };
}

function copyOf(figures: FigureValues[], units: EventUnit[], context: BlockContext): Block[] {
  const layouts: Record<FigureLayout, () => Block> = {
    rows: () => rowsTable(figures, units, context),
    matrix: () => matrixTable(figures, units, context),
    list: () => ({
      type: 'bullets',
      items: figures.flatMap((values) => listLines(values, units, context)),
    }),
    compound: () => ({ type: 'bullets', items: compoundLines(figures, units, context) }),
  };
  const blocks = [layouts[context.block.layout](), ...bandTables(figures, units, context.words)];
  if (!context.block.chart) return blocks;
  return [...blocks, ...figures.flatMap((values) => chartBlock(values, units, context))];
}

/** The block's own mark for a missing value, or the report language's for the default one. */
function missingMark(context: BlockContext): string {
  const { missingMark: mark } = context.block;
  return mark === reportWording('sv').missingMark ? context.words.missingMark : mark;
}

function captionOf(context: BlockContext): string {
  const { comparison, baselineDate } = context.block;
  const words = context.words.figures;
  const against: Record<typeof comparison, string> = {
    none: '',
    previous_report: words.previousReport,
    previous_period: words.previousPeriod,
    same_period_last_week: words.samePeriodLastWeek,
    baseline: words.baseline(baselineDate ? dayMonth(baselineDate) : ''),
  };
  const caption = words.caption(shortPeriodLabel(context.period.key, context.words));
  return against[comparison] ? `${caption} (${against[comparison]})` : caption;
}

/** Ranked rows: each unit's, a subtotal per group where it adds up, then the total. */
function rowsTable(figures: FigureValues[], units: EventUnit[], context: BlockContext): Block {
  const { words } = context;
  const period = shortPeriodLabel(context.period.key, words);
  const mark = missingMark(context);
  const rows = figures.flatMap((values) => {
    const row = (name: string, value: number | null, change: number | null) => [
      values.label,
      name,
      period,
      value === null ? mark : formatted(values, value, change, words),
      value === null ? '' : levelOf(values, value, words),
    ];
    const ranked = units.map((unit) => ({
      rank: placeRank(context.order, `unit:${unit.unitId}`),
      cells: row(
        unit.name,
        values.current.get(unit.unitId) ?? null,
        unitChange(values, unit.unitId),
      ),
    }));
    for (const subtotal of subtotalsOf(values, units, context)) {
      ranked.push({ rank: subtotal.rank, cells: row(subtotal.name, subtotal.value, null) });
    }
    const cells = ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.cells);
    const total = blockTotal(values, units, context);
    return total === null ? cells : [...cells, row(words.total, total, totalChange(values, units))];
  });
  return { type: 'table', caption: captionOf(context), columns: figureColumns(words), rows };
}

function subtotalsOf(values: FigureValues, units: EventUnit[], context: BlockContext) {
  if (!context.block.subtotals || units.length < 2 || !ruleAdds(values.choice.rule)) return [];
  const places: PlaceValue[] = units.flatMap((unit) => {
    const value = values.current.get(unit.unitId);
    return value === undefined
      ? []
      : [{ place: `unit:${unit.unitId}`, name: unit.name, value, observedAt: '', status: null }];
  });
  return subtotals(context.order, values.figure.unit_of_measure, places);
}

/** The total row's value: when the block has one and at least two units have a value. */
function blockTotal(
  values: FigureValues,
  units: EventUnit[],
  context: BlockContext,
  read: Map<number, number> = values.current,
  ratioParts: RatioParts | null | undefined = values.ratio?.current,
): number | null {
  if (!context.block.total) return null;
  if (units.filter((unit) => read.has(unit.unitId)).length < 2) return null;
  return totalOfRead(values, units, read, ratioParts);
}

/** Units down, figures across; a subtotal row per group and a total row where they add up. */
function matrixTable(figures: FigureValues[], units: EventUnit[], context: BlockContext): Block {
  const mark = missingMark(context);
  const ranked = units.map((unit) => ({
    rank: placeRank(context.order, `unit:${unit.unitId}`),
    cells: [
      unit.name,
      ...figures.map((values) => {
        const value = values.current.get(unit.unitId);
        return value === undefined
          ? mark
          : cellWithBand(values, value, unitChange(values, unit.unitId), context.words);
      }),
    ],
  }));
  const groupRows = new Map<string, { rank: number; cells: string[] }>();
  figures.forEach((values, index) => {
    for (const subtotal of subtotalsOf(values, units, context)) {
      const entry = groupRows.get(subtotal.name) ?? {
        rank: subtotal.rank,
        cells: [subtotal.name, ...figures.map(() => '')],
      };
      entry.cells[index + 1] = formatted(values, subtotal.value, null, context.words);
      groupRows.set(subtotal.name, entry);
    }
  });
  ranked.push(...groupRows.values());
  const rows = ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.cells);
  const totals = figures.map((values) => {
    const total = blockTotal(values, units, context);
    return total === null
      ? ''
      : formatted(values, total, totalChange(values, units), context.words);
  });
  if (totals.some(Boolean)) rows.push([context.words.total, ...totals]);
  return {
    type: 'table',
    caption: captionOf(context),
    columns: [
      { label: context.words.unit, align: 'left' },
      ...figures.map((values) => ({ label: values.label, align: 'right' as const })),
    ],
    rows,
  };
}

/** The figure's value for the block: one unit's, or the total where it adds up; else per unit. */
function scopesOf(values: FigureValues, units: EventUnit[]) {
  const total = units.length === 1 ? null : totalOver(values, units, 'current');
  if (units.length === 1 || total !== null) {
    const value = units.length === 1 ? (values.current.get(units[0]!.unitId) ?? null) : total;
    const change =
      units.length === 1 ? unitChange(values, units[0]!.unitId) : totalChange(values, units);
    return [{ name: null, value, change, part: (part: FigureValues) => partValue(part, units) }];
  }
  return units.map((unit) => ({
    name: unit.name,
    value: values.current.get(unit.unitId) ?? null,
    change: unitChange(values, unit.unitId),
    part: (part: FigureValues) => part.current.get(unit.unitId) ?? null,
  }));
}

function partValue(part: FigureValues, units: EventUnit[]): number | null {
  return units.length === 1
    ? (part.current.get(units[0]!.unitId) ?? null)
    : totalOver(part, units, 'current');
}

/** "Figure: value", or one line per unit ("Figure, Unit: value") where the units do not add up. */
function listLines(values: FigureValues, units: EventUnit[], context: BlockContext): string[] {
  return scopesOf(values, units).map(({ name, value, change }) => {
    const text =
      value === null ? missingMark(context) : cellWithBand(values, value, change, context.words);
    return `${name ? `${values.label}, ${name}` : values.label}: ${text}`;
  });
}

/** "Figure: N, varav M part": each figure that is no part, with the chosen figures part of it. */
function compoundLines(
  figures: FigureValues[],
  units: EventUnit[],
  context: BlockContext,
): string[] {
  const keys = new Set(figures.map((values) => values.choice.key));
  const isPart = (values: FigureValues) =>
    values.choice.partOf !== undefined && keys.has(values.choice.partOf);
  const mark = missingMark(context);
  return figures
    .filter((values) => !isPart(values))
    .flatMap((whole) => {
      const parts = figures.filter(
        (values) => isPart(values) && values.choice.partOf === whole.choice.key,
      );
      return scopesOf(whole, units).map(({ name, value, change, part }) => {
        const parted = parts.map((values) => {
          const amount = part(values);
          const number =
            amount === null ? mark : formatNumber(amount, values.choice.decimals, context.words);
          return context.words.figures.ofWhich(number, values.label);
        });
        const text = value === null ? mark : cellWithBand(whole, value, change, context.words);
        return `${name ? `${whole.label}, ${name}` : whole.label}: ${text}${parted.join('')}`;
      });
    });
}

/**
 * Per figure with bands: how many of the units fall in each band, lowest first, after a row for
 * those below every band when there are any.
 */
function bandTables(figures: FigureValues[], units: EventUnit[], words: ReportWording): Block[] {
  return figures
    .filter((values) => values.choice.bands.length > 0)
    .map((values) => {
      const bands = [...values.choice.bands].sort((a, b) => a.from - b.from);
      const inBand = (label: string) =>
        units.filter((unit) => {
          const value = values.current.get(unit.unitId);
          return value !== undefined && bandOf(values, value, words) === label;
        }).length;
      const below = belowBands(values, bands[0]!.from, words);
      const belowRow = inBand(below) > 0 ? [[below, String(inBand(below))]] : [];
      return {
        type: 'table',
        caption: words.figures.unitsPerBand(values.label),
        columns: [
          { label: words.band, align: 'left' },
          { label: words.units, align: 'right' },
        ],
        rows: [...belowRow, ...bands.map((band) => [band.label, String(inBand(band.label))])],
      };
    });
}

/**
 * A line per unit over the periods up to the block's, each point read by the figure's rule as the
 * block reads its numbers, and a line for the total where the block shows one.
 */
function chartBlock(values: FigureValues, units: EventUnit[], context: BlockContext): Block[] {
  const periods = periodsUpToBlock(values.observations, context);
  const unitOf = unitOfRow(context.directory.unitOfFacility);
  const reads = periods.map(({ period, rows }) =>
    valuesPerUnit(
      values.choice,
      values.figure,
      rows,
      units,
      { start: period.start, end: period.end, until: context.until },
      { zone: context.zone, unitOf },
    ),
  );
  const lines = units
    .filter((unit) => reads.some((read) => read.has(unit.unitId)))
    .map((unit) => ({
      name: unit.name,
      values: reads.map((read) => read.get(unit.unitId) ?? null),
    }));
  const totals = reads.map((read) => blockTotal(values, units, context, read, null));
  const total = totals.some((value) => value !== null)
    ? [{ name: context.words.total, values: totals }]
    : [];
  const chart = chartSpec(
    {
      ...values.figure,
      name: values.label,
      unit_of_measure: values.unitOfMeasure,
      decimals: values.choice.decimals,
    },
    periods.map(({ period }) => period.key),
    [...lines, ...total],
    context.words,
  );
  return chart ? [{ type: 'chart', chart }] : [];
}

/** The periods the observations fall in, oldest first, up to the block's own, with their rows. */
function periodsUpToBlock(
  observations: ObservationRow[],
  context: BlockContext,
): { period: Period; rows: ObservationRow[] }[] {
  const byPeriod = new Map<string, { period: Period; rows: ObservationRow[] }>();
  for (const row of observations) {
    const period = periodOf(new Date(row.observed_at), context.granularity, context.zone);
    if (period.start.getTime() >= context.period.end.getTime()) continue;
    const entry = byPeriod.get(period.key) ?? { period, rows: [] };
    entry.rows.push(row);
    byPeriod.set(period.key, entry);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.start.getTime() - b.period.start.getTime());
}
