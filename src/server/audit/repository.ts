import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';

export interface AuditFilter {
  eventId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: number;
  from?: string;
  to?: string;
  limit: number;
  beforeId?: number;
}

/** Newest first, paged by id so that new records arriving meanwhile never shift a page. */
export async function listAuditRecords(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_records').selectAll();
  if (filter.eventId !== undefined) query = query.where('event_id', '=', filter.eventId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId !== undefined)
    query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.from) query = query.where('at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('at', '<', new Date(filter.to).toISOString());
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((row) => ({
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
    })),
    nextBeforeId: rows.length > filter.limit ? page.at(-1)!.id : null,
  };
}

/**
 * The change count of the event a query over `events` reads: the sum of the stripes a trigger
 * counts up with every audit record (migration 20261123T1800_event_change_count).
 */
export const eventChangeCount = sql<number>`coalesce((select sum(event_change_counts.count) from event_change_counts where event_change_counts.event_id = events.id), 0)`;
