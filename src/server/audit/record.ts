import type { Db } from '../db/schema.ts';
import type { Actor } from '../http/actor.ts';
import { insertAuditRecord } from './repository.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  eventId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Stores one audit record; call it inside the transaction of the write it describes. */
export async function recordAudit(trx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditRecord(trx, {
    at: new Date().toISOString(),
    actor_user_id: actor.userId,
    actor_label: actor.label,
    event_id: entry.eventId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: String(entry.entityId),
    before_json: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
    after_json: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
    request_id: actor.requestId,
  });
}

const secretFields = new Set(['password_hash', 'token_hash', 'password', 'csrf_token']);

function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      secretFields.has(key) ? '[redacted]' : field,
    ]),
  );
}
