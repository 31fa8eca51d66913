import type { Db } from '../db/schema.ts';
import type { EventGrant } from '../../core/access.ts';
import { grantsOfRows } from '../access/repository.ts';
import { eventChangeCount } from '../audit/repository.ts';
import type { UserRow } from '../users/repository.ts';

export function insertSession(
  db: Db,
  session: {
    idHash: string;
    userId: number;
    csrfToken: string;
    now: string;
    expiresAt: string;
    enrolmentOnly: boolean;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      enrolment_only: session.enrolmentOnly ? 1 : 0,
    })
    .execute();
}

/** The event's state and change count with the caller's grants in it: what the guard checks. */
export interface EventAccess {
  event: { state: 'active' | 'closed'; change_count: number };
  grants: EventGrant[];
}

export interface SessionWithUser {
  user: UserRow;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
  enrolmentOnly: boolean;
  /** Asked for with an event id: that event (null when there is none) and the user's grants. */
  eventAccess?: EventAccess | null;
}

/**
 * The session with its user, in one round trip: every signed-in request resolves one. On an
 * event's route the same query reads the event and the user's grants in it.
 */
export async function findSessionWithUser(
  db: Db,
  idHash: string,
  eventId?: number,
): Promise<SessionWithUser | undefined> {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.csrf_token as session_csrf_token',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
      'sessions.enrolment_only as session_enrolment_only',
    ])
    .$if(eventId !== undefined, (query) =>
      query
        .leftJoin('events', (join) => join.on('events.id', '=', eventId!))
        .leftJoin('grants', (join) =>
          join.onRef('grants.event_id', '=', 'events.id').onRef('grants.user_id', '=', 'users.id'),
        )
        .select([
          'events.state as event_state',
          eventChangeCount.as('event_change_count'),
          'grants.role as grant_role',
          'grants.unit_id as grant_unit_id',
        ]),
    )
    .where('sessions.id_hash', '=', idHash)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const {
    session_csrf_token,
    session_last_seen_at,
    session_expires_at,
    session_enrolment_only,
    event_state,
    event_change_count,
    grant_role: _role,
    grant_unit_id: _unitId,
    ...user
  } = first;
  const found = {
    user,
    csrfToken: session_csrf_token,
    lastSeenAt: session_last_seen_at,
    expiresAt: session_expires_at,
    enrolmentOnly: session_enrolment_only === 1,
  };
  if (eventId === undefined) return found;
  const eventAccess =
    event_state == null || event_change_count == null
      ? null
      : {
          event: { state: event_state, change_count: event_change_count },
          grants: grantsOfRows(rows),
        };
  return { ...found, eventAccess };
}

export function touchSession(db: Db, idHash: string, now: string) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

export function markSteppedUp(db: Db, idHash: string, now: string) {
  return db
    .updateTable('sessions')
    .set({ stepped_up_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

/** Whether the session proved a second factor again after `since`. */
export async function steppedUpSince(db: Db, idHash: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('id_hash')
    .where('id_hash', '=', idHash)
    .where('stepped_up_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

export function deleteSession(db: Db, idHash: string) {
  return db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Marks every session of a user as able to do nothing but enrol a second factor, or frees them. */
export function setEnrolmentOnly(db: Db, userId: number, enrolmentOnly: boolean) {
  return db
    .updateTable('sessions')
    .set({ enrolment_only: enrolmentOnly ? 1 : 0 })
    .where('user_id', '=', userId)
    .execute();
}

export function deleteSessionsOfUser(db: Db, userId: number) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function insertLoginFailure(db: Db, accountKey: string, address: string, at: string) {
  return db.insertInto('login_failures').values({ account_key: accountKey, address, at }).execute();
}

/** Failures since a moment, for an account, an address, or both (at least one is given). */
export async function countLoginFailures(
  db: Db,
  filter: { accountKey?: string; address?: string; since: string },
): Promise<number> {
  let query = db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('at', '>=', filter.since);
  if (filter.address !== undefined) query = query.where('address', '=', filter.address);
  if (filter.accountKey !== undefined) query = query.where('account_key', '=', filter.accountKey);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

export function clearLoginFailures(db: Db, accountKey: string, address: string) {
  return db
    .deleteFrom('login_failures')
    .where('account_key', '=', accountKey)
    .where('address', '=', address)
    .execute();
}

export async function isLoginDeviceOf(
  db: Db,
  tokenHash: string,
  accountKey: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('login_devices')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('account_key', '=', accountKey)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Remembers a browser for an account and forgets the account's browsers older than `since`. */
export async function insertLoginDevice(
  db: Db,
  device: { tokenHash: string; accountKey: string; now: string; since: string },
) {
  await db
    .deleteFrom('login_devices')
    .where('account_key', '=', device.accountKey)
    .where('created_at', '<', device.since)
    .execute();
  await db
    .insertInto('login_devices')
    .values({
      token_hash: device.tokenHash,
      account_key: device.accountKey,
      created_at: device.now,
    })
    .execute();
}
