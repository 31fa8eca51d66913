import type { Db } from '../db/schema.ts';

export interface StoredCredential {
  id: number;
  userId: number;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const credentialColumns = [
  'id',
  'user_id',
  'credential_id',
  'public_key',
  'counter',
  'transports',
  'name',
  'created_at',
  'last_used_at',
] as const;

function toCredential(row: {
  id: number;
  user_id: number;
  credential_id: string;
  public_key: string;
  counter: number | string;
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}): StoredCredential {
  return {
    id: row.id,
    userId: row.user_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    counter: Number(row.counter),
    transports: JSON.parse(row.transports) as string[],
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function credentialsOfUser(db: Db, userId: number): Promise<StoredCredential[]> {
  const rows = await db
    .selectFrom('webauthn_credentials')
    .select(credentialColumns)
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(toCredential);
}

export async function hasCredential(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('webauthn_credentials')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findCredentialOfUser(
  db: Db,
  userId: number,
  credentialId: string,
): Promise<StoredCredential | undefined> {
  const row = await db
    .selectFrom('webauthn_credentials')
    .select(credentialColumns)
    .where('user_id', '=', userId)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
  return row && toCredential(row);
}

export async function insertCredential(
  db: Db,
  credential: Omit<StoredCredential, 'id' | 'lastUsedAt'>,
): Promise<number> {
  const row = await db
    .insertInto('webauthn_credentials')
    .values({
      user_id: credential.userId,
      credential_id: credential.credentialId,
      public_key: credential.publicKey,
      counter: credential.counter,
      transports: JSON.stringify(credential.transports),
      name: credential.name,
      created_at: credential.createdAt,
      last_used_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Moves the counter forward from the value the check was made against: false when another
 * request moved it first, so one assertion cannot be used twice.
 */
export async function advanceCounter(
  db: Db,
  credential: { id: number; from: number; to: number; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('webauthn_credentials')
    .set({ counter: credential.to, last_used_at: credential.now })
    .where('id', '=', credential.id)
    .where('counter', '=', credential.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteCredentialOfUser(
  db: Db,
  userId: number,
  id: number,
): Promise<StoredCredential | undefined> {
  const found = await db
    .selectFrom('webauthn_credentials')
    .select(credentialColumns)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!found) return undefined;
  await db.deleteFrom('webauthn_credentials').where('id', '=', id).execute();
  return toCredential(found);
}

export async function deleteWebauthnOfUser(db: Db, userId: number) {
  await db.deleteFrom('webauthn_challenges').where('user_id', '=', userId).execute();
  await db.deleteFrom('webauthn_credentials').where('user_id', '=', userId).execute();
}

export function insertWebauthnChallenge(
  db: Db,
  challenge: {
    challenge: string;
    userId: number;
    purpose: 'register' | 'login' | 'step_up';
    expiresAt: string;
  },
) {
  return db
    .insertInto('webauthn_challenges')
    .values({
      challenge: challenge.challenge,
      user_id: challenge.userId,
      purpose: challenge.purpose,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

/** Spends a challenge: true only for the first request with a live one of this user and purpose. */
export async function claimWebauthnChallenge(
  db: Db,
  challenge: {
    challenge: string;
    userId: number;
    purpose: 'register' | 'login' | 'step_up';
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .deleteFrom('webauthn_challenges')
    .where('challenge', '=', challenge.challenge)
    .where('user_id', '=', challenge.userId)
    .where('purpose', '=', challenge.purpose)
    .where('expires_at', '>', challenge.now)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function deleteExpiredWebauthnChallenges(db: Db, now: string) {
  return db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
}
