import type { Generated } from 'kysely';

export interface AuditRecordsTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  event_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

/** Kept by a trigger on audit_records; an event's change count is the sum of its stripes. */
export interface EventChangeCountsTable {
  event_id: number;
  stripe: number;
  count: number;
}

/** One link of the hash chain over the audit trail, in the order records were sealed. */
export interface AuditChainTable {
  seq: number;
  record_id: number;
  hash: string;
  sealed_at: string;
}

export interface AuditTables {
  audit_records: AuditRecordsTable;
  audit_chain: AuditChainTable;
  event_change_counts: EventChangeCountsTable;
}
