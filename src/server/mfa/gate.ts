import { randomBytes } from 'node:crypto';
import type { SecondFactorMethod } from '../../contract/mfa.ts';
import { staffRoles } from '../../core/access.ts';
import { grantsOfUser } from '../access/repository.ts';
import type { Db } from '../db/schema.ts';
import type { UserRow } from '../users/repository.ts';
import { hashToken } from './hash.ts';
import { findPolicy, findTotpFactor, insertChallenge } from './repository.ts';
import { hasCredential } from './webauthn-repository.ts';

/** How long the password step of a login waits for its code. */
export const challengeMinutes = 5;

/** The factors the account can prove at login: a confirmed TOTP, security keys. */
export async function secondFactorMethods(db: Db, userId: number): Promise<SecondFactorMethod[]> {
  const totp = (await findTotpFactor(db, userId))?.confirmed_at != null;
  const webauthn = await hasCredential(db, userId);
  return [...(totp ? (['totp'] as const) : []), ...(webauthn ? (['webauthn'] as const) : [])];
}

export async function hasSecondFactor(db: Db, userId: number): Promise<boolean> {
  return (await secondFactorMethods(db, userId)).length > 0;
}

/**
 * What a local login needs after a right password: nothing, a second factor (with the methods
 * the account has), or an enrolment first (it must have one and has none).
 */
export async function secondFactorStep(
  db: Db,
  user: UserRow,
): Promise<'none' | 'enrol' | SecondFactorMethod[]> {
  const methods = await secondFactorMethods(db, user.id);
  if (methods.length > 0) return methods;
  return (await secondFactorRequired(db, user)) ? 'enrol' : 'none';
}

/** Break-glass accounts always; system admins and staff roles when the installation says so. */
export async function secondFactorRequired(db: Db, user: UserRow): Promise<boolean> {
  if (user.break_glass === 1) return true;
  const policy = await findPolicy(db);
  if (policy?.required_for_staff !== 1) return false;
  if (user.is_admin === 1) return true;
  const grants = await grantsOfUser(db, user.id);
  return grants.some((grant) => staffRoles.includes(grant.role));
}

/** Remembers that the password was right; the token goes to the browser in a cookie. */
export async function openChallenge(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await insertChallenge(db, {
    tokenHash: hashToken(token),
    userId,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + challengeMinutes * 60_000).toISOString(),
  });
  return token;
}
