import type { AuditPage, AuditRecord } from '../../contract/audit.ts';
import type { Db } from '../db/schema.ts';
import { type AuditFilter, type AuditRecordRow, listAuditRecords } from './repository.ts';

export function presentAuditRecord(row: AuditRecordRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actor: row.actor_label,
    eventId: row.event_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
    requestId: row.request_id,
  };
}

/** One page of the audit trail, newest first, and where the next page starts. */
export async function auditPage(db: Db, filter: AuditFilter): Promise<AuditPage> {
  const { rows, more } = await listAuditRecords(db, filter);
  return {
    items: rows.map(presentAuditRecord),
    nextBeforeId: more ? rows.at(-1)!.id : null,
  };
}
