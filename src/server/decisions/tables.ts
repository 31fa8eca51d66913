import type { Generated } from 'kysely';

export interface DecisionsTable {
  id: Generated<number>;
  event_id: number;
  decided_at: string;
  forum: string;
  mandate: string;
  text: string;
  rationale: string;
  effective_from: string;
  effective_to: string | null;
  internal: number;
  meeting_id: number | null;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

/** Diversions a decision ordered; the ids belong to the diversions capability. */
export interface DecisionDiversionsTable {
  decision_id: number;
  diversion_id: number;
}

export interface DecisionsTables {
  decisions: DecisionsTable;
  decision_diversions: DecisionDiversionsTable;
}
