// A step-up: a signed-in user proves a second factor again before removing one (a security key,
// TOTP) or making new recovery codes, so that a session taken over alone cannot strip them.
import { recordAudit } from '../audit/record.ts';
import { insertLoginFailure, markSteppedUp, steppedUpSince } from '../auth/repository.ts';
import { type SecurityLog, failureWindowMinutes, recentLoginFailures } from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import type { UserRow } from '../users/repository.ts';

/** How long a step-up lets the session remove factors. */
export const stepUpMinutes = 5;

export interface StepUpRequest {
  actor: Actor;
  /** The session's id hash; an API token has none and cannot step up. */
  sessionIdHash: string | null;
  address: string;
  log: SecurityLog;
}

export interface StepUp {
  validUntil: string;
}

function sessionOf(request: StepUpRequest): string {
  if (!request.sessionIdHash) {
    throw errors.wrongState('Tvåstegsverifieringen ändras i webbläsaren, inte med en API-nyckel.');
  }
  return request.sessionIdHash;
}

/** A wrong proof counts as a failed login: the same limits per account and address apply. */
export async function guardStepUpAttempt(db: Db, request: StepUpRequest, user: UserRow) {
  sessionOf(request);
  const attempt = { accountKey: user.email.toLowerCase(), address: request.address };
  const recent = await recentLoginFailures(db, { ...attempt, knownDevice: false });
  if (recent.lockedOut) throw errors.tooManyRequests(failureWindowMinutes * 60);
}

export async function stepUpFailed(
  db: Db,
  request: StepUpRequest,
  user: UserRow,
  method: 'code' | 'webauthn',
): Promise<never> {
  const accountKey = user.email.toLowerCase();
  await insertLoginFailure(db, accountKey, request.address, new Date().toISOString());
  request.log.warn(
    { security: 'step_up_failed', email: accountKey, method, address: request.address },
    `Step-up failed for ${accountKey} (${method})`,
  );
  if (method === 'webauthn') {
    throw errors.badRequest('Nyckeln kunde inte bekräfta att det är du. Försök igen.', {
      field: 'code',
    });
  }
  throw errors.badRequest('Koden stämmer inte eller har redan använts.', { field: 'code' });
}

export async function recordStepUp(
  db: Db,
  request: StepUpRequest,
  user: UserRow,
  method: string,
): Promise<StepUp> {
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await markSteppedUp(trx, sessionOf(request), now.toISOString());
    await recordAudit(trx, request.actor, {
      action: 'auth.step_up',
      entityType: 'user',
      entityId: user.id,
      after: { method },
    });
  });
  return { validUntil: new Date(now.getTime() + stepUpMinutes * 60_000).toISOString() };
}

/** Refuses unless the session proved a factor again within the last few minutes. */
export async function requireRecentStepUp(db: Db, request: StepUpRequest): Promise<void> {
  const since = new Date(Date.now() - stepUpMinutes * 60_000).toISOString();
  if (!(await steppedUpSince(db, sessionOf(request), since))) throw errors.stepUpRequired();
}
