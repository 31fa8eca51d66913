import type { Selectable } from 'kysely';
import type { EventGrant, Role } from '../../core/access.ts';
import { eventChangeCount } from '../audit/repository.ts';
import type { Db } from '../db/schema.ts';
import type { GrantSource, GrantsTable } from './tables.ts';
import type { EventRow } from '../events/repository.ts';

export type GrantRow = Selectable<GrantsTable>;
/** A grant with its user's name and address. */
export type GrantWithUserRow = Omit<GrantRow, 'event_id'> & {
  user_name: string;
  user_email: string;
};

/** The event and the user's grants in it, in one round trip: every event route checks both. */
export async function findEventWithGrants(
  db: Db,
  eventId: number,
  userId: number,
): Promise<{ event: EventRow & { change_count: number }; grants: EventGrant[] } | undefined> {
  const rows = await db
    .selectFrom('events')
    .leftJoin('grants', (join) =>
      join.onRef('grants.event_id', '=', 'events.id').on('grants.user_id', '=', userId),
    )
    .selectAll('events')
    .select(['grants.role as grant_role', 'grants.unit_id as grant_unit_id'])
    .select(eventChangeCount.as('change_count'))
    .where('events.id', '=', eventId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const { grant_role: _role, grant_unit_id: _unitId, ...event } = first;
  return { event, grants: grantsOfRows(rows) };
}

/** The grants of rows that left-joined `grants` as `grant_role` and `grant_unit_id`. */
export function grantsOfRows(
  rows: { grant_role?: Role | null; grant_unit_id?: number | null }[],
): EventGrant[] {
  return rows.flatMap((row) =>
    row.grant_role == null ? [] : [{ role: row.grant_role, unitId: row.grant_unit_id ?? null }],
  );
}

export function listGrants(db: Db, eventId: number): Promise<GrantWithUserRow[]> {
  return db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select([
      'grants.id',
      'grants.user_id',
      'users.name as user_name',
      'users.email as user_email',
      'grants.role',
      'grants.unit_id',
      'grants.created_at',
      'grants.source',
    ])
    .where('grants.event_id', '=', eventId)
    .orderBy('users.name')
    .orderBy('grants.id')
    .execute();
}

export function findGrant(db: Db, eventId: number, grantId: number) {
  return db
    .selectFrom('grants')
    .selectAll()
    .where('id', '=', grantId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export function findSameGrant(
  db: Db,
  grant: { userId: number; eventId: number; role: Role; unitId: number | null },
) {
  return db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', grant.userId)
    .where('event_id', '=', grant.eventId)
    .where('role', '=', grant.role)
    .where('unit_id', grant.unitId === null ? 'is' : '=', grant.unitId)
    .executeTakeFirst();
}

export function insertGrant(
  db: Db,
  grant: {
    userId: number;
    eventId: number;
    role: Role;
    unitId: number | null;
    source?: GrantSource;
  },
) {
  return db
    .insertInto('grants')
    .values({
      user_id: grant.userId,
      event_id: grant.eventId,
      role: grant.role,
      unit_id: grant.unitId,
      created_at: new Date().toISOString(),
      source: grant.source ?? 'manual',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteGrant(db: Db, grantId: number) {
  return db.deleteFrom('grants').where('id', '=', grantId).execute();
}

/** Every grant of a user in every event, with where it came from. */
export function grantsOfUser(db: Db, userId: number) {
  return db.selectFrom('grants').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}
