import type { Block, TableColumn } from '../../core/report-snapshot.ts';
import { periodOf } from '../../core/time.ts';
import { type ListBlock, type ListKind, listColumns } from '../../contract/block-params.ts';
import type { TemplateSection } from '../../contract/template-sections.ts';
import { type ActionRow, actionsForReport } from '../actions/report-contribution.ts';
import { type ActivityRow, communicationForReport } from '../communication/report-contribution.ts';
import type { Db } from '../db/schema.ts';
import { type DecisionRow, decisionsForReport } from '../decisions/report-contribution.ts';
import { type DiversionRow, diversionsForReport } from '../diversions/report-contribution.ts';
import type { EventRow } from '../events/repository.ts';
import { type LogEntryRow, logForReport } from '../log/report-contribution.ts';
import { type ReadinessChangeRow, readinessForReport } from '../readiness/report-contribution.ts';
import { type RiskRow, risksForReport } from '../risks/report-contribution.ts';
import { unitsForReport } from '../units/report-contribution.ts';
import type { ReportRow } from './repository.ts';
import type { StoredData } from './snapshot.ts';
import { type ReportWording, reportWording } from '../../core/report-wording.ts';
import { actionState, dayMonth, diversionCategories } from './wording.ts';

// The record lists of a report. Each list names its columns (`listColumns` of the contract);
// a section's `list` chooses and orders them and filters the items. Without parameters a list
// comes out exactly as it did before it could be configured.

/** Items carry their classification; the public blocks are made from the public items only. */
interface Classified<T> {
  item: T;
  internal: boolean;
}

export function split<T>(items: Classified<T>[], render: (items: T[]) => Block[]): StoredData {
  return {
    internal: render(items.map((entry) => entry.item)),
    public: render(items.filter((entry) => !entry.internal).map((entry) => entry.item)),
  };
}

export function localDate(instant: string, zone: string): string {
  return periodOf(new Date(instant), 'day', zone).key;
}

/** The stretch of time a report covers: since the previous report, up to its compilation. */
function windowOf(report: ReportRow) {
  return { from: report.period_start, to: report.compiled_at };
}

interface Column<T> extends TableColumn {
  cell: (item: T) => string;
}

/** How one kind of list shows its items. */
export interface ListShape<K extends ListKind, T> {
  kind: K;
  caption: string;
  columns: Record<(typeof listColumns)[K][number], Column<T>>;
  /** The line of each item when no columns are chosen; without it, a table of every column. */
  bullet?: (item: T) => string;
  /** With a limit, the newest items are kept; without a time, the first in the list's order. */
  timeOf?: (item: T) => string;
}

const noParameters: ListBlock = { columns: [], significantOnly: false, openOnly: false };

export function listOf(section: TemplateSection): ListBlock {
  return section.list ?? noParameters;
}

/** The list's blocks for the items an audience sees, after the section's filters. */
export function listBlocks<K extends ListKind, T>(
  shape: ListShape<K, T>,
  list: ListBlock,
  items: T[],
) {
  const shown = limited(items, list.limit, shape.timeOf);
  if (shown.length === 0) return [];
  if (list.columns.length === 0 && shape.bullet) {
    return [{ type: 'bullets', items: shown.map(shape.bullet) } satisfies Block];
  }
  const names = list.columns.length > 0 ? list.columns : listColumns[shape.kind];
  const columns: Column<T>[] = names.flatMap((name) => {
    const column = (shape.columns as Record<string, Column<T> | undefined>)[name];
    return column ? [column] : [];
  });
  return [
    {
      type: 'table',
      caption: shape.caption,
      columns: columns.map(({ label, align }) => ({ label, align })),
      rows: shown.map((item) => columns.map((column) => column.cell(item))),
    } satisfies Block,
  ];
}

function limited<T>(items: T[], limit: number | undefined, timeOf?: (item: T) => string): T[] {
  if (limit === undefined || items.length <= limit) return items;
  if (!timeOf) return items.slice(0, limit);
  const newest = items
    .map((item, index) => ({ item, index, time: timeOf(item) }))
    .sort((a, b) => b.time.localeCompare(a.time) || b.index - a.index)
    .slice(0, limit)
    .map((entry) => entry.item);
  const kept = new Set(newest);
  return items.filter((item) => kept.has(item));
}

function compileList<K extends ListKind, T extends { internal: number }>(
  shape: ListShape<K, T>,
  section: TemplateSection,
  rows: T[],
): StoredData {
  const list = listOf(section);
  return split(
    rows.map((row) => ({ item: row, internal: row.internal === 1 })),
    (items) => listBlocks(shape, list, items),
  );
}

const left = 'left' as const;
const right = 'right' as const;

export async function decisionBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const rows = await decisionsForReport(db, event.id).inWindow(windowOf(report));
  const date = (decision: DecisionRow) => dayMonth(decision.decided_at, false, event.time_zone);
  const words = reportWording(event.language).lists.decisions;
  return compileList(
    {
      kind: 'decisions',
      caption: words.caption,
      columns: {
        date: { label: words.date, align: left, cell: date },
        forum: { label: words.forum, align: left, cell: (decision) => decision.forum },
        text: { label: words.text, align: left, cell: (decision) => decision.text },
        decided_by: { label: words.decidedBy, align: left, cell: (decision) => decision.mandate },
      },
      bullet: (decision) => `${date(decision)} ${decision.forum}: ${decision.text}`,
      timeOf: (decision) => decision.decided_at,
    },
    section,
    rows,
  );
}

export async function actionBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const relevant = await actionsForReport(db, event.id, windowOf(report));
  const open = listOf(section).openOnly
    ? relevant.filter((action) => action.state === 'open' || action.state === 'in_progress')
    : relevant;
  const units = (await unitsForReport(db)).unitNames;
  const owner = (action: ActionRow) =>
    action.owner_name ?? units.get(action.owner_unit_id ?? -1) ?? '';
  const all = reportWording(event.language);
  const words = all.lists.actions;
  const due = (action: ActionRow) =>
    action.due_at ? dayMonth(action.due_at, true, event.time_zone, all) : '';
  return compileList(
    {
      kind: 'actions',
      caption: words.caption,
      columns: {
        text: { label: words.text, align: left, cell: (action) => action.text },
        owner: { label: words.owner, align: left, cell: owner },
        due: { label: words.due, align: left, cell: due },
        state: {
          label: words.state,
          align: left,
          cell: (action) => actionState(action.state, action.due_at, report.compiled_at, all),
        },
      },
    },
    section,
    open,
  );
}

export async function diversionBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const rows = await diversionsForReport(db, event.id, windowOf(report));
  const ongoing = (diversion: DiversionRow) =>
    !(diversion.ends_at && diversion.ends_at <= report.compiled_at);
  const shown = listOf(section).openOnly ? rows.filter(ongoing) : rows;
  const facilities = (await unitsForReport(db)).facilityNames;
  const all = reportWording(event.language);
  const words = all.lists.diversions;
  const place = (diversion: DiversionRow) =>
    facilities.get(diversion.facility_id) ?? words.somePlace;
  const categories = (diversion: DiversionRow) =>
    diversionCategories(JSON.parse(diversion.categories) as string[], all);
  const at = (instant: string) => dayMonth(instant, true, event.time_zone, all);
  const span = (diversion: DiversionRow) =>
    ongoing(diversion)
      ? words.ongoing(at(diversion.starts_at))
      : words.ended(at(diversion.starts_at), at(diversion.ends_at!));
  return compileList(
    {
      kind: 'diversions',
      caption: words.caption,
      columns: {
        place: { label: words.place, align: left, cell: place },
        categories: { label: words.categories, align: left, cell: categories },
        redirected_to: {
          label: words.redirectedTo,
          align: left,
          cell: (diversion) => diversion.redirected_to,
        },
        span: { label: words.span, align: left, cell: span },
      },
      bullet: (diversion) =>
        words.line(
          place(diversion),
          categories(diversion),
          diversion.redirected_to,
          span(diversion),
        ),
      timeOf: (diversion) => diversion.starts_at,
    },
    section,
    shown,
  );
}

export async function riskBlocks(
  db: Db,
  event: EventRow,
  _report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const { risks: rows, history } = await risksForReport(db, event.id);
  const score = (risk: RiskRow) => risk.likelihood * risk.consequence;
  const minimum = listOf(section).minRiskScore;
  const shown = minimum === undefined ? rows : rows.filter((risk) => score(risk) >= minimum);
  const words = reportWording(event.language).lists.risks;
  const trend = (risk: RiskRow) => trendOf(history.get(risk.id) ?? [], words);
  return compileList(
    {
      kind: 'risks',
      caption: words.caption,
      columns: {
        title: { label: words.title, align: left, cell: (risk) => risk.title },
        likelihood: {
          label: words.likelihood,
          align: right,
          cell: (risk) => String(risk.likelihood),
        },
        consequence: {
          label: words.consequence,
          align: right,
          cell: (risk) => String(risk.consequence),
        },
        score: { label: words.score, align: right, cell: (risk) => String(score(risk)) },
        trend: { label: words.trend, align: left, cell: trend },
      },
    },
    section,
    shown,
  );
}

function trendOf(
  assessments: { likelihood: number; consequence: number }[],
  words: ReportWording['lists']['risks'],
): string {
  const [previous, last] = assessments.slice(-2);
  if (!previous || !last) return words.new;
  const change = last.likelihood * last.consequence - previous.likelihood * previous.consequence;
  return change > 0 ? words.rising : change < 0 ? words.falling : words.unchanged;
}

export async function communicationBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const rows = await communicationForReport(db, event.id).activities({
    fromDate: localDate(report.period_start, event.time_zone),
    toDate: localDate(report.compiled_at, event.time_zone),
  });
  const all = reportWording(event.language);
  const words = all.lists.communication;
  const channels = (activity: ActivityRow) =>
    (JSON.parse(activity.channels) as string[])
      .map((channel) => all.channels[channel] ?? channel)
      .join(', ');
  const linkedTitle = (activity: ActivityRow) =>
    activity.link ? `[${escapeLinkText(activity.title)}](${activity.link})` : activity.title;
  return compileList(
    {
      kind: 'communication',
      caption: words.caption,
      columns: {
        date: {
          label: words.date,
          align: left,
          cell: (activity) => dayMonth(activity.occurred_on),
        },
        channels: { label: words.channels, align: left, cell: channels },
        title: { label: words.title, align: left, cell: (activity) => activity.title },
      },
      bullet: (activity) =>
        `${dayMonth(activity.occurred_on)} ${channels(activity)}: ${linkedTitle(activity)}`,
      timeOf: (activity) => activity.occurred_on,
    },
    section,
    rows,
  );
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}

/** The log entries of the report's window, struck ones left out; a table of time, text and author. */
export async function logBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const { entries, authors } = await logForReport(db, event.id, windowOf(report));
  const shown = listOf(section).significantOnly
    ? entries.filter((entry) => entry.significant === 1)
    : entries;
  const all = reportWording(event.language);
  const words = all.lists.log;
  return compileList(
    {
      kind: 'log',
      caption: words.caption,
      columns: {
        time: {
          label: words.time,
          align: left,
          cell: (entry: LogEntryRow) => dayMonth(entry.occurred_at, true, event.time_zone, all),
        },
        text: { label: words.text, align: left, cell: (entry) => entry.text },
        author: {
          label: words.author,
          align: left,
          cell: (entry) => authors.get(entry.created_by ?? -1) ?? '',
        },
      },
      timeOf: (entry) => entry.occurred_at,
    },
    section,
    shown,
  );
}

interface ReadinessLine {
  name: string;
  change: ReadinessChangeRow | undefined;
}

/**
 * The readiness level in force when the report was compiled, of the event and then of each of
 * its units in the event's order; a scope whose level was never set is at the normal level.
 */
export async function readinessBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const scopes = await readinessForReport(db, event.id, report.compiled_at);
  const lines = (audience: 'internal' | 'public'): ReadinessLine[] =>
    scopes.map((scope) => ({ name: scope.name ?? event.name, change: scope[audience] }));
  const all = reportWording(event.language);
  const words = all.lists.readiness;
  const shape: ListShape<'readiness', ReadinessLine> = {
    kind: 'readiness',
    caption: words.caption,
    columns: {
      unit: { label: words.unit, align: left, cell: (line) => line.name },
      level: {
        label: words.level,
        align: left,
        cell: (line) => all.readiness[line.change?.level ?? 'normal'],
      },
      since: {
        label: words.since,
        align: left,
        cell: (line) =>
          line.change ? dayMonth(line.change.changed_at, true, event.time_zone, all) : '',
      },
      reason: { label: words.reason, align: left, cell: (line) => line.change?.reason ?? '' },
    },
  };
  const list = listOf(section);
  return {
    internal: listBlocks(shape, list, lines('internal')),
    public: listBlocks(shape, list, lines('public')),
  };
}
