import type {
  RecoveryCodes,
  SecurityKey,
  SecondFactorPolicy,
  SecondFactorStatus,
  TotpEnrolment,
} from '../../contract/mfa.ts';
import { recordAudit } from '../audit/record.ts';
import { deleteSessionsOfUser, insertLoginFailure, setEnrolmentOnly } from '../auth/repository.ts';
import {
  type SecurityLog,
  type SessionPolicy,
  completeLogin,
  failureWindowMinutes,
  isKnownDevice,
  recentLoginFailures,
} from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findUserById } from '../users/repository.ts';
import type { UserRow } from '../users/repository.ts';
import { hasSecondFactor, secondFactorRequired } from './gate.ts';
import { hashToken } from './hash.ts';
import {
  advanceTimeStep,
  countChallengeFailure,
  countUnusedRecoveryCodes,
  deleteChallenge,
  deleteExpiredChallenges,
  deleteSecondFactor,
  deleteTotp,
  findChallenge,
  findPolicy,
  findTotpFactor,
  putUnconfirmedTotp,
  replaceRecoveryCodes,
  savePolicy,
  useRecoveryCode,
  usersWithSessions,
} from './repository.ts';
import {
  type StoredCredential,
  credentialsOfUser,
  deleteWebauthnOfUser,
  hasCredential,
} from './webauthn-repository.ts';
import {
  newRecoveryCodes,
  newTotpSecret,
  normalisedRecoveryCode,
  provisioning,
  totpTimeStep,
} from './totp.ts';

/** Wrong codes one password step may take before the password must be given again. */
const maxCodeFailures = 5;

export type UsedFactor = 'totp' | 'recovery_code' | 'webauthn';

/** What the second step of a login is given: the challenge cookie and where the request came from. */
export interface SecondFactorAttempt {
  challengeToken: string | undefined;
  address: string;
  requestId: string;
  deviceToken?: string | undefined;
  log: SecurityLog;
}

/**
 * The second step of a login with a code. A wrong code counts as a failed login for the account
 * and address (so the password limits apply to codes too) and against the challenge, which ends
 * after five.
 */
export function loginWithSecondFactor(
  db: Db,
  input: SecondFactorAttempt & { code: string },
  policy: SessionPolicy,
) {
  return completeSecondFactor(db, input, policy, (user, claimChallenge) =>
    spendCode(db, user, input.code, claimChallenge),
  );
}

/**
 * The second step of any login: finds the password step's challenge, applies the failure
 * limits, lets `prove` check the factor (spending the challenge with it), and opens the session.
 */
export async function completeSecondFactor(
  db: Db,
  input: SecondFactorAttempt,
  policy: SessionPolicy,
  prove: (
    user: UserRow,
    claimChallenge: (trx: Db) => Promise<boolean>,
  ) => Promise<UsedFactor | null>,
) {
  const now = new Date().toISOString();
  const { user, tokenHash } = await pendingLogin(db, input.challengeToken);
  const accountKey = user.email.toLowerCase();
  const knownDevice = await isKnownDevice(db, input.deviceToken, accountKey);
  const recent = await recentLoginFailures(db, { accountKey, address: input.address, knownDevice });
  if (recent.lockedOut) throw errors.tooManyRequests(failureWindowMinutes * 60);
  const used = await prove(user, (trx) => deleteChallenge(trx, tokenHash));
  if (!used) {
    await countChallengeFailure(db, tokenHash);
    await insertLoginFailure(db, accountKey, input.address, now);
    input.log.warn(
      { security: 'login_failed', email: accountKey, reason: 'wrong_code', address: input.address },
      `Login failed for ${accountKey} (wrong_code)`,
    );
    throw errors.wrongSecondFactorCode();
  }
  return completeLogin(db, user, {
    accountKey,
    address: input.address,
    requestId: input.requestId,
    knownDevice,
    enrolmentOnly: false,
    secondFactor: used,
    policy,
  });
}

/** The user whose password was right, while the challenge lives and has tries left. */
export async function pendingLogin(db: Db, challengeToken: string | undefined) {
  await deleteExpiredChallenges(db, new Date().toISOString());
  const tokenHash = hashToken(challengeToken ?? '');
  const challenge = challengeToken ? await findChallenge(db, tokenHash) : undefined;
  const user = challenge && (await findUserById(db, challenge.user_id));
  if (!challenge || !user || user.disabled_at || challenge.failures >= maxCodeFailures) {
    if (challenge) await deleteChallenge(db, tokenHash);
    throw errors.secondFactorExpired();
  }
  return { user, tokenHash };
}

/**
 * Checks a code from the app (of a later time step than the last one accepted) or an unused
 * recovery code (which works with a security key as the only factor too), and spends it in one transaction with `alsoClaim`: of two requests with the
 * same code, only one gets through.
 */
async function spendCode(
  db: Db,
  user: UserRow,
  code: string,
  alsoClaim: (trx: Db) => Promise<boolean> = async () => true,
): Promise<UsedFactor | null> {
  const factor = await findTotpFactor(db, user.id);
  const totp = factor?.confirmed_at ? factor : null;
  if (!totp && !(await hasCredential(db, user.id))) return null;
  const timeStep = totp ? await totpTimeStep(totp.secret, code.trim(), totp.last_time_step) : null;
  const recovery = timeStep === null ? normalisedRecoveryCode(code) : null;
  if (timeStep === null && recovery === null) return null;
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const spent =
      timeStep !== null
        ? await advanceTimeStep(trx, user.id, timeStep)
        : await useRecoveryCode(trx, user.id, hashToken(recovery!), now);
    if (!spent || !(await alsoClaim(trx))) return null;
    return timeStep !== null ? 'totp' : 'recovery_code';
  });
}

async function signedInUser(db: Db, actor: Actor): Promise<UserRow> {
  const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
  if (!user) throw errors.unauthenticated();
  return user;
}

export async function secondFactorStatus(db: Db, actor: Actor): Promise<SecondFactorStatus> {
  const user = await signedInUser(db, actor);
  const totp = (await findTotpFactor(db, user.id))?.confirmed_at != null;
  const securityKeys = (await credentialsOfUser(db, user.id)).map(presentSecurityKey);
  return {
    enabled: totp || securityKeys.length > 0,
    totp,
    securityKeys,
    required: await secondFactorRequired(db, user),
    recoveryCodesLeft: await countUnusedRecoveryCodes(db, user.id),
  };
}

/** A new secret for the app, shown this once; it replaces an enrolment that was not finished. */
export async function startTotpEnrolment(db: Db, actor: Actor): Promise<TotpEnrolment> {
  const user = await signedInUser(db, actor);
  if (!user.password_hash) {
    throw errors.wrongState('Tvåstegsverifiering gäller konton som loggar in med lösenord.');
  }
  if ((await findTotpFactor(db, user.id))?.confirmed_at) {
    throw errors.wrongState('Tvåstegsverifiering är redan på. Stäng av den först.');
  }
  const secret = newTotpSecret();
  await db.transaction().execute(async (trx) => {
    await putUnconfirmedTotp(trx, user.id, secret, new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'auth.second_factor_enrolment_started',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { secret, ...(await provisioning(secret, user.email)) };
}

/** The first code proves the app holds the secret: the factor is on, recovery codes are made. */
export async function confirmTotpEnrolment(
  db: Db,
  actor: Actor,
  code: string,
): Promise<RecoveryCodes> {
  const user = await signedInUser(db, actor);
  const factor = await findTotpFactor(db, user.id);
  if (!factor || factor.confirmed_at) {
    throw errors.wrongState('Det finns ingen påbörjad aktivering. Börja om.');
  }
  const timeStep = await totpTimeStep(factor.secret, code.trim(), null);
  if (timeStep === null) throw errors.badRequest('Koden stämmer inte.', { field: 'code' });
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    const confirmed = await advanceTimeStep(trx, user.id, timeStep, new Date().toISOString());
    if (!confirmed) throw errors.badRequest('Koden stämmer inte.', { field: 'code' });
    await replaceRecoveryCodes(trx, user.id, codes.map(hashToken));
    await setEnrolmentOnly(trx, user.id, false);
    await recordAudit(trx, actor, {
      action: 'auth.second_factor_enabled',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'totp' },
    });
  });
  return { recoveryCodes: codes };
}

/**
 * Switching one's own TOTP off takes a current code. The recovery codes go with it unless a
 * security key is left; when the account must have a factor and none is left, its sessions may
 * then do nothing but enrol again.
 */
export async function disableOwnSecondFactor(db: Db, actor: Actor, code: string): Promise<void> {
  const user = await signedInUser(db, actor);
  if (!(await findTotpFactor(db, user.id))?.confirmed_at) {
    throw errors.wrongState('Tvåstegsverifiering är inte på.');
  }
  const used = await spendCode(db, user, code);
  if (!used) throw errors.badRequest('Koden stämmer inte.', { field: 'code' });
  const required = await secondFactorRequired(db, user);
  await db.transaction().execute(async (trx) => {
    const keysLeft = await hasCredential(trx, user.id);
    await deleteTotp(trx, user.id);
    if (!keysLeft) await deleteSecondFactor(trx, user.id);
    if (required && !keysLeft) await setEnrolmentOnly(trx, user.id, true);
    await recordAudit(trx, actor, {
      action: 'auth.second_factor_disabled',
      entityType: 'user',
      entityId: user.id,
      after: { confirmedWith: used },
    });
  });
}

/** An admin removes a user's second factors, keys included (a lost phone or key); the user's sessions end. */
export async function resetSecondFactor(db: Db, actor: Actor, userId: number): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw errors.notFound('Användaren');
  await db.transaction().execute(async (trx) => {
    await deleteSecondFactor(trx, user.id);
    await deleteWebauthnOfUser(trx, user.id);
    await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, actor, {
      action: 'user.second_factor_reset',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

export async function secondFactorPolicy(db: Db): Promise<SecondFactorPolicy> {
  const row = await findPolicy(db);
  return { requiredForStaff: row?.required_for_staff === 1, updatedAt: row?.updated_at ?? null };
}

/**
 * Applies at each user's next request: sessions of users who now need a factor and have none
 * become enrolment-only, and those of users who no longer need one are freed.
 */
export async function changeSecondFactorPolicy(
  db: Db,
  actor: Actor,
  input: { requiredForStaff: boolean },
): Promise<SecondFactorPolicy> {
  const before = await secondFactorPolicy(db);
  if (input.requiredForStaff && !(actor.userId && (await hasSecondFactor(db, actor.userId)))) {
    throw errors.wrongState(
      'Slå på tvåstegsverifiering för ditt eget konto först, annars stängs du själv ute.',
    );
  }
  await db.transaction().execute(async (trx) => {
    await savePolicy(trx, { ...input, now: new Date().toISOString(), userId: actor.userId });
    await alignOpenSessions(trx);
    await recordAudit(trx, actor, {
      action: 'installation.second_factor_policy',
      entityType: 'installation',
      entityId: 1,
      before: { requiredForStaff: before.requiredForStaff },
      after: input,
    });
  });
  return secondFactorPolicy(db);
}

/** Marks every open session enrolment-only exactly when its user must have a factor and has none. */
async function alignOpenSessions(db: Db): Promise<void> {
  for (const userId of await usersWithSessions(db)) {
    const user = await findUserById(db, userId);
    if (!user) continue;
    const mustEnrol =
      (await secondFactorRequired(db, user)) && !(await hasSecondFactor(db, userId));
    await setEnrolmentOnly(db, userId, mustEnrol);
  }
}

export function presentSecurityKey(credential: StoredCredential): SecurityKey {
  return {
    id: credential.id,
    name: credential.name,
    createdAt: credential.createdAt,
    lastUsedAt: credential.lastUsedAt,
  };
}
