import type { Generated } from 'kysely';

/** The staff's journal. Rows are never deleted (a trigger refuses it), only struck with a reason. */
export interface LogEntriesTable {
  id: Generated<number>;
  event_id: number;
  occurred_at: string;
  text: string;
  /** Who or where the information came from; `source` is the provenance of the row itself. */
  information_source: string;
  significant: number;
  internal: number;
  struck_at: string | null;
  struck_by: number | null;
  strike_reason: string | null;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface LogTables {
  log_entries: LogEntriesTable;
}
