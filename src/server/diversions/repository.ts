import { type Insertable, type Selectable, sql } from 'kysely';
import { isPostgres } from '../db/migration-helpers.ts';
import { type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { DiversionsTable } from './tables.ts';

export type DiversionRow = Selectable<DiversionsTable>;

export interface Visibility {
  includeInternal: boolean;
}

export interface DiversionFilter {
  state: 'current' | 'ended' | 'all';
  /** ISO UTC instant at which "current" and "ended" are judged. */
  at: string;
  facilityIds?: number[];
  /** Only diversions in force at some moment of [from, to). */
  from?: string;
  to?: string;
}

function visibleDiversions(db: Db, eventId: number, visibility: Visibility) {
  let query = db.selectFrom('diversions').where('event_id', '=', eventId);
  if (!visibility.includeInternal) query = query.where('internal', '=', 0);
  return query;
}

export function findDiversion(
  db: Db,
  eventId: number,
  id: number,
  visibility: Visibility = { includeInternal: true },
): Promise<DiversionRow | undefined> {
  return visibleDiversions(db, eventId, visibility)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDiversions(
  db: Db,
  eventId: number,
  filter: DiversionFilter,
  visibility: Visibility,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<Rows<DiversionRow>> {
  let query = visibleDiversions(db, eventId, visibility);
  if (filter.state === 'current') query = inForceAt(query, filter.at);
  if (filter.state === 'ended') query = query.where('ends_at', '<=', filter.at);
  if (filter.facilityIds) {
    if (filter.facilityIds.length === 0) return { rows: [], total: 0 };
    query = query.where('facility_id', 'in', filter.facilityIds);
  }
  if (filter.to) query = query.where('starts_at', '<', filter.to);
  if (filter.from) {
    const from = filter.from;
    query = query.where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', from)]));
  }
  return fetchPage(
    query,
    (filtered) => filtered.selectAll().orderBy('starts_at', page.order).orderBy('id', page.order),
    page,
  );
}

/** Every visible diversion of the event, by start. */
export function allDiversions(
  db: Db,
  eventId: number,
  visibility: Visibility,
): Promise<DiversionRow[]> {
  return visibleDiversions(db, eventId, visibility)
    .selectAll()
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Every diversion in force at the instant, oldest first. */
export function diversionsInForce(
  db: Db,
  eventId: number,
  at: string,
  visibility: Visibility,
): Promise<DiversionRow[]> {
  return inForceAt(visibleDiversions(db, eventId, visibility), at)
    .selectAll()
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

function inForceAt(query: ReturnType<typeof visibleDiversions>, at: string) {
  return query
    .where('starts_at', '<=', at)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]));
}

/** Diversions of one facility whose time span meets [startsAt, endsAt); a null end is open. */
export function overlappingDiversions(
  db: Db,
  eventId: number,
  facilityId: number,
  span: { startsAt: string; endsAt: string | null },
  excludeId?: number,
): Promise<DiversionRow[]> {
  let query = db
    .selectFrom('diversions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('facility_id', '=', facilityId)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', span.startsAt)]));
  if (span.endsAt !== null) query = query.where('starts_at', '<', span.endsAt);
  if (excludeId !== undefined) query = query.where('id', '!=', excludeId);
  return query.orderBy('starts_at').execute();
}

/**
 * Serialises writes to one facility's diversions on PostgreSQL, so that two concurrent
 * transactions cannot both pass the overlap check. SQLite already runs one writer at a time.
 */
export async function lockFacilityDiversions(db: Db, facilityId: number): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select pg_advisory_xact_lock(${diversionLockClass}, ${facilityId})`.execute(db);
}

const diversionLockClass = 7301;

export function insertDiversion(
  db: Db,
  diversion: Insertable<DiversionsTable>,
): Promise<DiversionRow> {
  return db.insertInto('diversions').values(diversion).returningAll().executeTakeFirstOrThrow();
}

export function updateDiversion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<
    Pick<
      DiversionRow,
      | 'categories'
      | 'redirected_to'
      | 'starts_at'
      | 'ends_at'
      | 'decision_id'
      | 'note'
      | 'internal'
      | 'updated_by'
    >
  >,
): Promise<DiversionRow | undefined> {
  return updateVersioned(db, 'diversions', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}
