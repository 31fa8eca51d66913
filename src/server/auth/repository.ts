import type { Db } from '../db/schema.ts';

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

export function findSession(db: Db, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
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
