import type { Block } from '../../core/report-snapshot.ts';
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
  const render = (includeInternal: boolean): Block[] => {
    const visible = milestones.filter((row) => includeInternal || row.internal === 0);
    if (visible.length === 0) return [];
    const shape = milestoneList(report.compiled_at, event.time_zone);
    const blocks: Block[] = listBlocks(shape, listOf(section), visible);
    const lines = changes
      .filter((change) => includeInternal || change.internal === 0)
      .map((change) => changeLine(change, decisions, includeInternal, event.time_zone));
    blocks.push(
      lines.length === 0
        ? {
            type: 'markdown',
            markdown: 'Inga milstolpar har flyttats eller nåtts sedan förra rapporten.',
          }
        : { type: 'markdown', markdown: '**Förändringar sedan förra rapporten:**' },
    );
    if (lines.length > 0) blocks.push({ type: 'bullets', items: lines });
    return blocks;
  };
  return { internal: render(true), public: render(false) };
}

/** The plan's milestones; by default a table of name, date and state, as before. */
function milestoneList(compiledAt: string, zone: string): ListShape<'milestones', MilestoneRow> {
  return {
    kind: 'milestones',
    caption: 'Milstolpar',
    columns: {
      name: { label: 'Milstolpe', align: 'left', cell: (milestone) => milestone.title },
      date: {
        label: 'Datum',
        align: 'left',
        cell: (milestone) => calendarDate(milestone.planned_on),
      },
      change: {
        label: 'Status',
        align: 'left',
        cell: (milestone) => stateText(milestone, compiledAt, zone),
      },
    },
  };
}

function stateText(milestone: MilestoneRow, compiledAt: string, zone: string): string {
  if (milestone.state === 'reached' && milestone.reached_at && milestone.reached_at <= compiledAt)
    return `Nådd ${dayMonth(milestone.reached_at, false, zone)} ✓`;
  if (milestone.original_on !== milestone.planned_on)
    return `Flyttad från ${calendarDate(milestone.original_on)}`;
  return 'Kommande';
}

function changeLine(
  change: MilestoneChangeWithTitle,
  decisions: Map<number, DecisionSummary>,
  includeInternal: boolean,
  zone: string,
): string {
  if (change.kind === 'reached')
    return `${change.title}: nådd ${dayMonth(change.changed_at, false, zone)}.`;
  const moved = `${change.title}: flyttad från ${calendarDate(change.previous_on!)} till ${calendarDate(change.new_on!)}.`;
  const decision = change.decision_id ? decisions.get(change.decision_id) : undefined;
  const because =
    decision && (includeInternal || !decision.internal) ? ` Beslut: ${decision.text}` : '';
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
