import type { Generated } from 'kysely';

export type MilestoneState = 'upcoming' | 'reached' | 'moved';
export type MilestoneChangeKind = 'created' | 'moved' | 'reached';

/** A milestone of the plan the event concerns; dates are calendar dates (YYYY-MM-DD) in Stockholm. */
export interface MilestonesTable {
  id: Generated<number>;
  event_id: number;
  title: string;
  description: string;
  planned_on: string;
  original_on: string;
  state: MilestoneState;
  reached_at: string | null;
  internal: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

/** The history of a milestone's dates and state, never updated. */
export interface MilestoneChangesTable {
  id: Generated<number>;
  event_id: number;
  milestone_id: number;
  kind: MilestoneChangeKind;
  previous_on: string | null;
  new_on: string | null;
  reason: string;
  decision_id: number | null;
  changed_by: number | null;
  changed_at: string;
}

export interface MilestonesTables {
  milestones: MilestonesTable;
  milestone_changes: MilestoneChangesTable;
}
