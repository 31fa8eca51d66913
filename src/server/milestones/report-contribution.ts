import type { Db } from '../db/schema.ts';
import {
  type MilestoneChangeWithTitle,
  type MilestoneRow,
  listMilestoneChanges,
  listMilestones,
} from './repository.ts';

export type { MilestoneChangeWithTitle, MilestoneRow };

/**
 * What the milestones give a report: the plan's milestones as it was when the report was
 * compiled (internal ones too), and what moved or was reached in the report's window.
 */
export async function milestonesForReport(
  db: Db,
  eventId: number,
  window: { from: string; to: string },
): Promise<{ milestones: MilestoneRow[]; changes: MilestoneChangeWithTitle[] }> {
  const milestones = (await listMilestones(db, eventId, true)).filter(
    (row) => row.created_at <= window.to,
  );
  const changes = await listMilestoneChanges(db, eventId, window.from, window.to);
  return { milestones, changes };
}
