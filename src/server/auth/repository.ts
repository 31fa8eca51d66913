import type { Db } from '../db/schema.ts';
import type { UserRow } from '../users/repository.ts';

export function insertSession(
  db: Db,
  session: { idHash: string; userId: number; csrfToken: string; now: string; expiresAt: string },
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
    })
    .execute();
}

/** The session with its user, in one round trip: every signed-in request resolves one. */
export async function findSessionWithUser(
  db: Db,
  idHash: string,
): Promise<
  { user: UserRow; csrfToken: string; lastSeenAt: string; expiresAt: string } | undefined
> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.csrf_token as session_csrf_token',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_csrf_token, session_last_seen_at, session_expires_at, ...user } = row;
  return {
    user,
    csrfToken: session_csrf_token,
    lastSeenAt: session_last_seen_at,
    expiresAt: session_expires_at,
  };
}

export function touchSession(db: Db, idHash: string, now: string) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

export function deleteSession(db: Db, idHash: string) {
  return db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export function deleteSessionsOfUser(db: Db, userId: number) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function insertLoginFailure(db: Db, accountKey: string, address: string, at: string) {
  return db.insertInto('login_failures').values({ account_key: accountKey, address, at }).execute();
}

export async function countLoginFailures(
  db: Db,
  filter: { accountKey?: string; address: string; since: string },
): Promise<number> {
  let query = db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('address', '=', filter.address)
    .where('at', '>=', filter.since);
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
