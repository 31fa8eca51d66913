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
import {
  actionState,
  channelNames,
  dayMonth,
  diversionCategories,
  readinessLevelNames,
} from './wording.ts';

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
  return compileList(
    {
      kind: 'decisions',
      caption: 'Beslut',
      columns: {
        date: { label: 'Datum', align: left, cell: date },
        forum: { label: 'Forum', align: left, cell: (decision) => decision.forum },
        text: { label: 'Beslut', align: left, cell: (decision) => decision.text },
        decided_by: { label: 'Beslutat av', align: left, cell: (decision) => decision.mandate },
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
  return compileList(
    {
      kind: 'actions',
      caption: 'Åtgärder',
      columns: {
        text: { label: 'Åtgärd', align: left, cell: (action) => action.text },
        owner: { label: 'Ansvarig', align: left, cell: owner },
        due: {
          label: 'Klart senast',
          align: left,
          cell: (action) => (action.due_at ? dayMonth(action.due_at, true, event.time_zone) : ''),
        },
        state: {
          label: 'Status',
          align: left,
          cell: (action) => actionState(action.state, action.due_at, report.compiled_at),
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
  const place = (diversion: DiversionRow) =>
    facilities.get(diversion.facility_id) ?? 'Akutmottagningen';
  const categories = (diversion: DiversionRow) =>
    diversionCategories(JSON.parse(diversion.categories) as string[]);
  const at = (instant: string) => dayMonth(instant, true, event.time_zone);
  const span = (diversion: DiversionRow) =>
    ongoing(diversion)
      ? `sedan ${at(diversion.starts_at)} (pågår)`
      : `från ${at(diversion.starts_at)} till ${at(diversion.ends_at!)} (avslutad)`;
  return compileList(
    {
      kind: 'diversions',
      caption: 'Hänvisningar',
      columns: {
        place: { label: 'Akutmottagning', align: left, cell: place },
        categories: { label: 'Hänvisas', align: left, cell: categories },
        redirected_to: {
          label: 'Hänvisas till',
          align: left,
          cell: (diversion) => diversion.redirected_to,
        },
        span: { label: 'Tid', align: left, cell: span },
      },
      bullet: (diversion) =>
        `${place(diversion)}: ${categories(diversion)} hänvisas till ${diversion.redirected_to} ${span(diversion)}.`,
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
  return compileList(
    {
      kind: 'risks',
      caption: 'Risk- och konsekvensbedömningar (sannolikhet × konsekvens, 1–4)',
      columns: {
        title: { label: 'Risk', align: left, cell: (risk) => risk.title },
        likelihood: {
          label: 'Sannolikhet',
          align: right,
          cell: (risk) => String(risk.likelihood),
        },
        consequence: {
          label: 'Konsekvens',
          align: right,
          cell: (risk) => String(risk.consequence),
        },
        score: { label: 'Riskvärde', align: right, cell: (risk) => String(score(risk)) },
        trend: { label: 'Trend', align: left, cell: (risk) => trendOf(history.get(risk.id) ?? []) },
      },
    },
    section,
    shown,
  );
}

function trendOf(assessments: { likelihood: number; consequence: number }[]): string {
  const [previous, last] = assessments.slice(-2);
  if (!previous || !last) return 'Ny';
  const change = last.likelihood * last.consequence - previous.likelihood * previous.consequence;
  return change > 0 ? 'Ökande ▲' : change < 0 ? 'Minskande ▼' : 'Oförändrad ▶';
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
  const channels = (activity: ActivityRow) =>
    (JSON.parse(activity.channels) as string[])
      .map((channel) => channelNames[channel] ?? channel)
      .join(', ');
  const linkedTitle = (activity: ActivityRow) =>
    activity.link ? `[${escapeLinkText(activity.title)}](${activity.link})` : activity.title;
  return compileList(
    {
      kind: 'communication',
      caption: 'Kommunikation',
      columns: {
        date: { label: 'Datum', align: left, cell: (activity) => dayMonth(activity.occurred_on) },
        channels: { label: 'Kanaler', align: left, cell: channels },
        title: { label: 'Rubrik', align: left, cell: (activity) => activity.title },
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
  return compileList(
    {
      kind: 'log',
      caption: 'Logg',
      columns: {
        time: {
          label: 'Tid',
          align: left,
          cell: (entry: LogEntryRow) => dayMonth(entry.occurred_at, true, event.time_zone),
        },
        text: { label: 'Händelse', align: left, cell: (entry) => entry.text },
        author: {
          label: 'Skriven av',
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
  const shape: ListShape<'readiness', ReadinessLine> = {
    kind: 'readiness',
    caption: 'Beredskapsläge',
    columns: {
      unit: { label: 'Enhet', align: left, cell: (line) => line.name },
      level: {
        label: 'Nivå',
        align: left,
        cell: (line) => readinessLevelNames[line.change?.level ?? 'normal'],
      },
      since: {
        label: 'Sedan',
        align: left,
        cell: (line) =>
          line.change ? dayMonth(line.change.changed_at, true, event.time_zone) : '',
      },
      reason: { label: 'Skäl', align: left, cell: (line) => line.change?.reason ?? '' },
    },
  };
  const list = listOf(section);
  return {
    internal: listBlocks(shape, list, lines('internal')),
    public: listBlocks(shape, list, lines('public')),
  };
}
