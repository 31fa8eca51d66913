import type { Db } from '../db/schema.ts';

export function findTotpFactor(db: Db, userId: number) {
  return db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function allTotpSecrets(db: Db) {
  return db.selectFrom('totp_factors').select(['user_id', 'secret']).orderBy('user_id').execute();
}

export async function replaceTotpSecret(db: Db, userId: number, secret: string) {
  await db.updateTable('totp_factors').set({ secret }).where('user_id', '=', userId).execute();
}

/** Starts an enrolment, replacing an unconfirmed secret (never a confirmed one); `secret` is sealed. */
export async function putUnconfirmedTotp(db: Db, userId: number, secret: string, now: string) {
  await db
    .deleteFrom('totp_factors')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .execute();
  await db
    .insertInto('totp_factors')
    .values({ user_id: userId, secret, created_at: now, confirmed_at: null, last_time_step: null })
    .execute();
}

/**
 * Records the time step of an accepted code, only if it is later than the last one: the row
 * count says whether this request won, so two requests with one code cannot both pass.
 */
export async function advanceTimeStep(
  db: Db,
  userId: number,
  timeStep: number,
  confirmedAt?: string,
): Promise<boolean> {
  const result = await db
    .updateTable('totp_factors')
    .set({ last_time_step: timeStep, ...(confirmedAt && { confirmed_at: confirmedAt }) })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSecondFactor(db: Db, userId: number) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
  await db.deleteFrom('second_factor_challenges').where('user_id', '=', userId).execute();
}

export async function deleteTotp(db: Db, userId: number) {
  await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
}

/** Users with at least one open session. */
export async function usersWithSessions(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('sessions').select('user_id').distinct().execute();
  return rows.map((row) => row.user_id);
}

export async function replaceRecoveryCodes(db: Db, userId: number, codeHashes: string[]) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ code_hash, user_id: userId, used_at: null })))
    .execute();
}

/** Spends a recovery code; false when it is unknown, another user's or already used. */
export async function useRecoveryCode(db: Db, userId: number, codeHash: string, now: string) {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('code_hash', '=', codeHash)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function insertChallenge(
  db: Db,
  challenge: { tokenHash: string; userId: number; now: string; expiresAt: string },
) {
  return db
    .insertInto('second_factor_challenges')
    .values({
      token_hash: challenge.tokenHash,
      user_id: challenge.userId,
      created_at: challenge.now,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

export function findChallenge(db: Db, tokenHash: string) {
  return db
    .selectFrom('second_factor_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function countChallengeFailure(db: Db, tokenHash: string) {
  return db
    .updateTable('second_factor_challenges')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Ends a challenge; false when another request ended it first. */
export async function deleteChallenge(db: Db, tokenHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('second_factor_challenges')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function deleteExpiredChallenges(db: Db, now: string) {
  return db.deleteFrom('second_factor_challenges').where('expires_at', '<', now).execute();
}

export function findPolicy(db: Db) {
  return db.selectFrom('second_factor_policy').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function savePolicy(
  db: Db,
  policy: { requiredForStaff: boolean; now: string; userId: number | null },
) {
  const values = {
    required_for_staff: policy.requiredForStaff ? 1 : 0,
    updated_at: policy.now,
    updated_by: policy.userId,
  };
  await db
    .insertInto('second_factor_policy')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
