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
import type { SecretBox } from '../secret-box.ts';
import { findUserById } from '../users/repository.ts';
import type { UserRow } from '../users/repository.ts';
import { hasSecondFactor, secondFactorRequired } from './gate.ts';
import { hashToken } from './hash.ts';
import { openedTotpSecret, requiredTotpSecret, sealTotpSecret } from './secrets.ts';
import {
  type StepUp,
  type StepUpRequest,
  guardStepUpAttempt,
  recordStepUp,
  requireRecentStepUp,
  stepUpFailed,
} from './step-up.ts';
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
  box: SecretBox,
  input: SecondFactorAttempt & { code: string },
  policy: SessionPolicy,
) {
  return completeSecondFactor(db, input, policy, (user, claimChallenge) =>
    spendCode(db, box, user, input.code, claimChallenge),
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
 * recovery code (which works with a security key as the only factor too), and spends it in one
 * transaction with `alsoClaim`: of two requests with the same code, only one gets through. A
 * secret the installation's key does not open leaves the recovery codes working.
 */
export async function spendCode(
  db: Db,
  box: SecretBox,
  user: UserRow,
  code: string,
  alsoClaim: (trx: Db) => Promise<boolean> = async () => true,
): Promise<UsedFactor | null> {
  const factor = await findTotpFactor(db, user.id);
  const totp = factor?.confirmed_at ? factor : null;
  if (!totp && !(await hasCredential(db, user.id))) return null;
  const secret = totp && openedTotpSecret(box, totp);
  const timeStep =
    totp && secret ? await totpTimeStep(secret, code.trim(), totp.last_time_step) : null;
  const recovery = timeStep === null ? normalisedRecoveryCode(code) : null;
  if (timeStep === null && recovery === null) {
    if (totp && secret === null) throw errors.secretKeyMismatch();
    return null;
  }
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

export async function secondFactorStatus(
  db: Db,
  actor: Actor,
  securityKeysAvailable: boolean,
): Promise<SecondFactorStatus> {
  const user = await signedInUser(db, actor);
  const totp = (await findTotpFactor(db, user.id))?.confirmed_at != null;
  const securityKeys = (await credentialsOfUser(db, user.id)).map(presentSecurityKey);
  return {
    enabled: totp || securityKeys.length > 0,
    totp,
    securityKeys,
    required: await secondFactorRequired(db, user),
    recoveryCodesLeft: await countUnusedRecoveryCodes(db, user.id),
    securityKeysAvailable,
  };
}

/** A new secret for the app, shown this once; it replaces an enrolment that was not finished. */
export async function startTotpEnrolment(
  db: Db,
  box: SecretBox,
  actor: Actor,
): Promise<TotpEnrolment> {
  const user = await signedInUser(db, actor);
  if (!user.password_hash) {
    throw errors.wrongState('Tvåstegsverifiering gäller konton som loggar in med lösenord.');
  }
  if ((await findTotpFactor(db, user.id))?.confirmed_at) {
    throw errors.wrongState('Tvåstegsverifiering är redan på. Stäng av den först.');
  }
  const secret = newTotpSecret();
  await db.transaction().execute(async (trx) => {
    const sealed = sealTotpSecret(box, user.id, secret);
    await putUnconfirmedTotp(trx, user.id, sealed, new Date().toISOString());
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
  box: SecretBox,
  actor: Actor,
  code: string,
): Promise<RecoveryCodes> {
  const user = await signedInUser(db, actor);
  const factor = await findTotpFactor(db, user.id);
  if (!factor || factor.confirmed_at) {
    throw errors.wrongState('Det finns ingen påbörjad aktivering. Börja om.');
  }
  const timeStep = await totpTimeStep(requiredTotpSecret(box, factor), code.trim(), null);
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
 * Switching one's own TOTP off takes a fresh factor: a code given with it, or a recent step-up.
 * The recovery codes go with it unless a security key is left; when the account must have a
 * factor and none is left, its sessions may then do nothing but enrol again.
 */
export async function disableOwnSecondFactor(
  db: Db,
  box: SecretBox,
  request: StepUpRequest,
  code: string | undefined,
): Promise<void> {
  const { actor } = request;
  const user = await signedInUser(db, actor);
  if (!(await findTotpFactor(db, user.id))?.confirmed_at) {
    throw errors.wrongState('Tvåstegsverifiering är inte på.');
  }
  if (code !== undefined) await stepUpWithCode(db, box, request, code);
  await requireRecentStepUp(db, request);
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
      after: { method: 'totp' },
    });
  });
}

/** Proves a factor again with a code from the app or a recovery code (which is then spent). */
export async function stepUpWithCode(
  db: Db,
  box: SecretBox,
  request: StepUpRequest,
  code: string,
): Promise<StepUp> {
  const user = await signedInUser(db, request.actor);
  await guardStepUpAttempt(db, request, user);
  const used = await spendCode(db, box, user, code);
  if (!used) return stepUpFailed(db, request, user, 'code');
  return recordStepUp(db, request, user, used);
}

/** New recovery codes after a fresh factor; the old ones stop working. Shown once. */
export async function renewRecoveryCodes(db: Db, request: StepUpRequest): Promise<RecoveryCodes> {
  const user = await signedInUser(db, request.actor);
  if (!(await hasSecondFactor(db, user.id))) {
    throw errors.wrongState('Tvåstegsverifiering är inte på.');
  }
  await requireRecentStepUp(db, request);
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, user.id, codes.map(hashToken));
    await recordAudit(trx, request.actor, {
      action: 'auth.recovery_codes_renewed',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { recoveryCodes: codes };
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
