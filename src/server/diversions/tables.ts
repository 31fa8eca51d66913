import type { Generated } from 'kysely';

export interface DiversionsTable {
  id: Generated<number>;
  event_id: number;
  facility_id: number;
  /** JSON array of DiversionCategory, at least one. */
  categories: string;
  redirected_to: string;
  starts_at: string;
  /** Null while the diversion is ongoing. */
  ends_at: string | null;
  /** A decision of the decisions capability; no foreign key, that table is theirs. */
  decision_id: number | null;
  note: string;
  internal: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface DiversionsTables {
  diversions: DiversionsTable;
}
