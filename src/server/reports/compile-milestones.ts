import type { Block } from '../../core/report-snapshot.ts';
import { type ReportWording, reportWording } from '../../core/report-wording.ts';
import type { Db } from '../db/schema.ts';
import { decisionsForReport } from '../decisions/report-contribution.ts';
import type { EventRow } from '../events/repository.ts';
import {
  type MilestoneChangeWithTitle,
  type MilestoneRow,
  milestonesForReport,
} from '../milestones/report-contribution.ts';
import type { TemplateSection } from '../../contract/template-sections.ts';
import { type ListShape, listBlocks, listOf } from './compile-lists.ts';
import type { ReportRow } from './repository.ts';
import type { StoredData } from './snapshot.ts';
import { calendarDate, dayMonth } from './wording.ts';

interface DecisionSummary {
  text: string;
  internal: boolean;
}

/**
 * The milestones of the plan as a table, then what changed since the previous report (the
 * report's period): moves with old and new date and the deciding decision, and milestones reached.
 */
export async function milestoneBlocks(
  db: Db,
  event: EventRow,
  report: ReportRow,
  section: TemplateSection,
): Promise<StoredData> {
  const { milestones, changes } = await milestonesForReport(db, event.id, {
    from: report.period_start,
    to: report.compiled_at,
  });
  const decisions = await decisionsOf(db, event.id, changes);
  const dates = { zone: event.time_zone, words: reportWording(event.language) };
  const words = dates.words.lists.milestones;
  const render = (includeInternal: boolean): Block[] => {
    const visible = milestones.filter((row) => includeInternal || row.internal === 0);
    if (visible.length === 0) return [];
    const shape = milestoneList(report.compiled_at, dates);
    const blocks: Block[] = listBlocks(shape, listOf(section), visible);
    const lines = changes
      .filter((change) => includeInternal || change.internal === 0)
      .map((change) => changeLine(change, decisions, includeInternal, dates));
    blocks.push({
      type: 'markdown',
      markdown: lines.length === 0 ? words.noChanges : words.changes,
    });
    if (lines.length > 0) blocks.push({ type: 'bullets', items: lines });
    return blocks;
  };
  return { internal: render(true), public: render(false) };
}

/** How the report writes dates: in the event's time zone and language. */
interface DateWording {
  zone: string;
  words: ReportWording;
}

/** The plan's milestones; by default a table of name, date and state, as before. */
function milestoneList(
  compiledAt: string,
  dates: DateWording,
): ListShape<'milestones', MilestoneRow> {
  const words = dates.words.lists.milestones;
  return {
    kind: 'milestones',
    caption: words.caption,
    columns: {
      name: { label: words.name, align: 'left', cell: (milestone) => milestone.title },
      date: {
        label: words.date,
        align: 'left',
        cell: (milestone) => calendarDate(milestone.planned_on, dates.words),
      },
      change: {
        label: words.state,
        align: 'left',
        cell: (milestone) => stateText(milestone, compiledAt, dates),
      },
    },
  };
}

function stateText(milestone: MilestoneRow, compiledAt: string, dates: DateWording): string {
  const words = dates.words.lists.milestones;
  if (milestone.state === 'reached' && milestone.reached_at && milestone.reached_at <= compiledAt)
    return words.reached(dayMonth(milestone.reached_at, false, dates.zone));
  if (milestone.original_on !== milestone.planned_on)
    return words.movedFrom(calendarDate(milestone.original_on, dates.words));
  return words.upcoming;
}

function changeLine(
  change: MilestoneChangeWithTitle,
  decisions: Map<number, DecisionSummary>,
  includeInternal: boolean,
  dates: DateWording,
): string {
  const words = dates.words.lists.milestones;
  if (change.kind === 'reached')
    return words.reachedLine(change.title, dayMonth(change.changed_at, false, dates.zone));
  const moved = words.movedLine(
    change.title,
    calendarDate(change.previous_on!, dates.words),
    calendarDate(change.new_on!, dates.words),
  );
  const decision = change.decision_id ? decisions.get(change.decision_id) : undefined;
  const because =
    decision && (includeInternal || !decision.internal)
      ? ` ${words.decision}: ${decision.text}`
      : '';
  return `${moved}${because}`;
}

async function decisionsOf(db: Db, eventId: number, changes: MilestoneChangeWithTitle[]) {
  const ids = changes.flatMap((change) =>
    change.decision_id === null ? [] : [change.decision_id],
  );
  const found = await decisionsForReport(db, eventId).byIds(ids);
  return new Map<number, DecisionSummary>(
    [...found].map(([id, decision]) => [
      id,
      { text: decision.text, internal: decision.internal === 1 },
    ]),
  );
}
