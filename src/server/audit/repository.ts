import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { AuditChainTable, AuditRecordsTable } from './tables.ts';

export type AuditRecordRow = Selectable<AuditRecordsTable>;
export type ChainEntry = Selectable<AuditChainTable>;

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

/**
 * Newest first, paged by id so that new records arriving meanwhile never shift a page: up to
 * `limit` rows and whether more follow.
 */
export async function listAuditRecords(
  db: Db,
  filter: AuditFilter,
): Promise<{ rows: AuditRecordRow[]; more: boolean }> {
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
  return { rows: rows.slice(0, filter.limit), more: rows.length > filter.limit };
}

/**
 * The change count of the event a query over `events` reads: the sum of the stripes a trigger
 * counts up with every audit record (migration 20261123T1800_event_change_count).
 */
export const eventChangeCount = sql<number>`coalesce((select sum(event_change_counts.count) from event_change_counts where event_change_counts.event_id = events.id), 0)`;

// Any fixed number shared by every node; it names the sealing lock in pg_locks.
const chainLockKey = 4_712_2026;

/** On PostgreSQL: one node at a time extends the chain, until the transaction ends. */
export async function lockChain(trx: Db, postgres: boolean): Promise<void> {
  if (postgres) await sql`select pg_advisory_xact_lock(${chainLockKey})`.execute(trx);
}

export function lastChainEntry(db: Db): Promise<ChainEntry | undefined> {
  return db
    .selectFrom('audit_chain')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Committed records not yet in the chain, oldest id first. */
export function unsealedRecords(db: Db, limit: number): Promise<AuditRecordRow[]> {
  return db
    .selectFrom('audit_records')
    .selectAll()
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_chain')
            .select('seq')
            .whereRef('audit_chain.record_id', '=', 'audit_records.id'),
        ),
      ),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertChainEntries(db: Db, entries: ChainEntry[]): Promise<void> {
  if (entries.length > 0) await db.insertInto('audit_chain').values(entries).execute();
}

/** Chain entries after `afterSeq` in order, each with its record (null when it is gone). */
export async function chainPage(
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<{ entry: ChainEntry; record: AuditRecordRow | null }[]> {
  const entries = await db
    .selectFrom('audit_chain')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  if (entries.length === 0) return [];
  const records = await db
    .selectFrom('audit_records')
    .selectAll()
    .where(
      'id',
      'in',
      entries.map((entry) => entry.record_id),
    )
    .execute();
  const byId = new Map(records.map((record) => [record.id, record]));
  return entries.map((entry) => ({ entry, record: byId.get(entry.record_id) ?? null }));
}

/** The entity and the recorded after-state of every record of one action, oldest first. */
export function recordsOfAction(db: Db, action: string) {
  return db
    .selectFrom('audit_records')
    .select(['entity_id', 'after_json'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

export async function insertAuditRecord(
  trx: Db,
  record: Insertable<AuditRecordsTable>,
): Promise<void> {
  await trx.insertInto('audit_records').values(record).execute();
}

/** An event's records after a sequence number, oldest first, at most `limit`. */
export function eventRecordsAfter(
  db: Db,
  eventId: number,
  sequence: number,
  limit: number,
): Promise<AuditRecordRow[]> {
  return db
    .selectFrom('audit_records')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '>', sequence)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function newestRecordId(db: Db): Promise<number> {
  const newest = await db
    .selectFrom('audit_records')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(newest?.max ?? 0);
}

/** Records after a sequence number, and those of the given ids, oldest first, at most `limit`. */
export function recordsAfterOrAmong(
  db: Db,
  sequence: number,
  ids: number[],
  limit: number,
): Promise<AuditRecordRow[]> {
  return db
    .selectFrom('audit_records')
    .selectAll()
    .where((eb) =>
      ids.length > 0
        ? eb.or([eb('id', '>', sequence), eb('id', 'in', ids)])
        : eb('id', '>', sequence),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}
