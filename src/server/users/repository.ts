import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { UsersTable } from './tables.ts';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function insertUser(db: Db, user: Insertable<UsersTable>): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

/** Updates a user only if it still has the version the caller read; undefined means stale. */
export function updateUser(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<UserRow, 'id' | 'version'>>,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set((eb) => ({
      ...changes,
      updated_at: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function insertApiToken(
  db: Db,
  token: { userId: number; name: string; tokenHash: string; scopes: string },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      scopes: token.scopes,
      created_at: new Date().toISOString(),
    })
    .returning(['id', 'name', 'scopes', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findActiveApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'scopes'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function listApiTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export function revokeApiToken(db: Db, userId: number, tokenId: number) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

export function touchApiToken(db: Db, tokenId: number) {
  return db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .execute();
}
