import { updateVersioned } from '../db/paging.ts';
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

/** The id and name of each of these users; ids that name no user are left out. */
export function findUserNames(db: Db, ids: number[]): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
}

/** Whether any enabled account has the system-administrator right. */
export async function hasActiveAdmin(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
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
  return updateVersioned(db, 'users', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export function insertApiToken(
  db: Db,
  token: {
    userId: number;
    name: string;
    tokenHash: string;
    scopes: string;
    expiresAt: string | null;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      scopes: token.scopes,
      expires_at: token.expiresAt,
      created_at: new Date().toISOString(),
    })
    .returning(['id', 'name', 'scopes', 'created_at', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/** An unrevoked, unexpired token with its user, in one round trip: every token request resolves one. */
export async function findActiveApiTokenWithUser(
  db: Db,
  tokenHash: string,
): Promise<
  { tokenId: number; lastUsedAt: string | null; scopes: string; user: UserRow } | undefined
> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.last_used_at as token_last_used_at',
      'api_tokens.scopes as token_scopes',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('api_tokens.expires_at', 'is', null),
        eb('api_tokens.expires_at', '>', new Date().toISOString()),
      ]),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, token_last_used_at, token_scopes, ...user } = row;
  return { tokenId: token_id, lastUsedAt: token_last_used_at, scopes: token_scopes, user };
}

export function listApiTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'])
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

export function touchApiToken(db: Db, tokenId: number, now: string) {
  return db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', tokenId)
    .execute();
}
