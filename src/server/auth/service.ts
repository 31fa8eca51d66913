import { createHash, randomBytes } from 'node:crypto';
import { type TokenScope, parseScopes } from '../../core/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  findActiveApiTokenWithUser,
  findUserByEmail,
  findUserById,
  touchApiToken,
  updateUser,
} from '../users/repository.ts';
import type { UserRow } from '../users/repository.ts';
import { presentUser } from '../users/service.ts';
import type { Session } from '../../contract/auth.ts';
import type { SecondFactorMethod } from '../../contract/mfa.ts';
import { openChallenge, secondFactorStep } from '../mfa/gate.ts';
import {
  hashPassword,
  passwordWeakness,
  verifyAgainstNothing,
  verifyPassword,
} from './password.ts';
import {
  type EventAccess,
  clearLoginFailures,
  countLoginFailures,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertLoginDevice,
  insertLoginFailure,
  insertSession,
  isLoginDeviceOf,
  touchSession,
} from './repository.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const failureWindowMinutes = 15;
const maxFailuresPerAccountAndAddress = 5;
const maxFailuresPerAddress = 30;
/** Every address together: a guesser who changes address every time meets this one. */
const maxFailuresPerAccount = 20;
export const loginDeviceDays = 180;
const touchIntervalMs = 60_000;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function actorFromUser(user: UserRow, requestId: string | null): Actor {
  return {
    userId: user.id,
    label: user.email,
    isAdmin: user.is_admin === 1,
    mustChangePassword: user.must_change_password === 1,
    requestId,
  };
}

export interface LoginResult {
  sessionId: string;
  csrfToken: string;
  user: UserRow;
}

export interface PasswordLoginResult extends LoginResult {
  kind: 'session';
  /** A new token for the browser's device cookie, or null when the browser is already known. */
  deviceToken: string | null;
  mustEnrolSecondFactor: boolean;
}

/** The password was right and the account has a second factor: the login waits for its code. */
export interface SecondFactorPending {
  kind: 'second_factor';
  methods: SecondFactorMethod[];
  challengeToken: string;
}

/**
 * Checks the password and opens a new session. Failures answer the same way whether or not the
 * account exists; repeated failures for one account from one address, from one address, and for
 * one account from anywhere are slowed down. A browser the account signed in from before (its
 * device cookie) is exempt from the account-wide limit, so guessing cannot lock the real user out.
 * When local login is switched off only break-glass accounts get in, and only with the right
 * password, so the refusal says nothing about accounts to someone who does not know one.
 */
export async function login(
  db: Db,
  input: {
    email: string;
    password: string;
    address: string;
    requestId: string;
    deviceToken?: string | undefined;
    log: SecurityLog;
  },
  policy: SessionPolicy,
  localLogin = true,
): Promise<PasswordLoginResult | SecondFactorPending> {
  const accountKey = input.email.trim().toLowerCase();
  const failed = (reason: LoginFailureReason, lockout: boolean) =>
    input.log.warn(
      { security: 'login_failed', email: accountKey, reason, lockout, address: input.address },
      `Login failed for ${accountKey} (${reason})`,
    );
  const knownDevice = await isKnownDevice(db, input.deviceToken, accountKey);
  const recent = await recentLoginFailures(db, { accountKey, address: input.address, knownDevice });
  if (recent.lockedOut) {
    failed('locked_out', true);
    throw errors.tooManyRequests(failureWindowMinutes * 60);
  }
  const user = await findUserByEmail(db, accountKey);
  const valid =
    user && user.password_hash && !user.disabled_at
      ? await verifyPassword(input.password, user.password_hash)
      : await verifyAgainstNothing(input.password);
  if (!valid || !user) {
    await insertLoginFailure(db, accountKey, input.address, new Date().toISOString());
    failed(failureReason(user), recent.oneMoreLocksOut);
    throw errors.invalidCredentials();
  }
  if (!localLogin && user.break_glass !== 1) {
    failed('local_login_off', false);
    throw errors.localLoginDisabled();
  }
  const step = await secondFactorStep(db, user);
  if (Array.isArray(step)) {
    return {
      kind: 'second_factor',
      methods: step,
      challengeToken: await openChallenge(db, user.id),
    };
  }
  const mustEnrolSecondFactor = step === 'enrol';
  const session = await completeLogin(db, user, {
    ...input,
    accountKey,
    knownDevice,
    enrolmentOnly: mustEnrolSecondFactor,
    secondFactor: null,
    policy,
  });
  return { kind: 'session', ...session, mustEnrolSecondFactor };
}

/**
 * The end of every local login: failures forgotten, the browser remembered, a session opened
 * and the login audited (with the second factor that was used, if any).
 */
export function completeLogin(
  db: Db,
  user: UserRow,
  login: {
    accountKey: string;
    address: string;
    requestId: string;
    knownDevice: boolean;
    enrolmentOnly: boolean;
    secondFactor: 'totp' | 'recovery_code' | 'webauthn' | null;
    policy: SessionPolicy;
  },
): Promise<LoginResult & { deviceToken: string | null }> {
  return db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, login.accountKey, login.address);
    const deviceToken = login.knownDevice ? null : await rememberDevice(trx, login.accountKey);
    const session = await openSession(trx, user.id, login.policy, login.enrolmentOnly);
    await recordAudit(trx, actorFromUser(user, login.requestId), {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: {
        address: login.address,
        ...(login.secondFactor && { secondFactor: login.secondFactor }),
      },
    });
    return { ...session, user, deviceToken };
  });
}

/** Whether the browser's device cookie is one this account signed in from. */
export async function isKnownDevice(
  db: Db,
  deviceToken: string | undefined,
  accountKey: string,
): Promise<boolean> {
  return (
    deviceToken !== undefined &&
    (await isLoginDeviceOf(db, hashSecret(deviceToken), accountKey, deviceCutoff()))
  );
}

function deviceCutoff(): string {
  return new Date(Date.now() - loginDeviceDays * 86_400_000).toISOString();
}

async function rememberDevice(db: Db, accountKey: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertLoginDevice(db, {
    tokenHash: hashSecret(token),
    accountKey,
    now: new Date().toISOString(),
    since: deviceCutoff(),
  });
  return token;
}

/** Where failed logins are reported as security events (the request's pino logger fits). */
export interface SecurityLog {
  warn(details: object, message: string): void;
}

type LoginFailureReason =
  | 'unknown_account'
  | 'no_password'
  | 'disabled'
  | 'wrong_password'
  | 'locked_out'
  | 'local_login_off';

function failureReason(user: UserRow | undefined): LoginFailureReason {
  if (!user) return 'unknown_account';
  if (user.disabled_at) return 'disabled';
  return user.password_hash ? 'wrong_password' : 'no_password';
}

/**
 * Failures in the window for this account from this address, from this address at all, and for
 * this account from anywhere (not counted for a browser it signed in from before): a login is
 * refused while any has reached its limit.
 */
export async function recentLoginFailures(
  db: Db,
  attempt: { accountKey: string; address: string; knownDevice: boolean },
) {
  const { accountKey, address, knownDevice } = attempt;
  const since = new Date(Date.now() - failureWindowMinutes * 60_000).toISOString();
  const [forAccountAndAddress, forAddress, forAccount] = await Promise.all([
    countLoginFailures(db, { accountKey, address, since }),
    countLoginFailures(db, { address, since }),
    knownDevice ? 0 : countLoginFailures(db, { accountKey, since }),
  ]);
  const reached = (accountAndAddress: number, fromAddress: number, account: number) =>
    accountAndAddress >= maxFailuresPerAccountAndAddress ||
    fromAddress >= maxFailuresPerAddress ||
    account >= maxFailuresPerAccount;
  return {
    lockedOut: reached(forAccountAndAddress, forAddress, forAccount),
    oneMoreLocksOut: reached(
      forAccountAndAddress + 1,
      forAddress + 1,
      knownDevice ? 0 : forAccount + 1,
    ),
  };
}

export async function openSession(
  db: Db,
  userId: number,
  policy: SessionPolicy,
  enrolmentOnly = false,
) {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await insertSession(db, {
    idHash: hashSecret(sessionId),
    userId,
    csrfToken,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
    enrolmentOnly,
  });
  return { sessionId, csrfToken };
}

export interface ResolvedSession {
  user: UserRow;
  idHash: string;
  csrfToken: string;
  enrolmentOnly: boolean;
  eventAccess?: EventAccess | null;
}

/** Finds the live session behind a cookie value; expired or idle sessions are ended. */
export async function resolveSession(
  db: Db,
  sessionId: string,
  policy: SessionPolicy,
  eventId?: number,
): Promise<ResolvedSession | null> {
  const idHash = hashSecret(sessionId);
  const session = await findSessionWithUser(db, idHash, eventId);
  if (!session) return null;
  const now = Date.now();
  const idleLimit = Date.parse(session.lastSeenAt) + policy.idleMinutes * 60_000;
  if (now > idleLimit || now > Date.parse(session.expiresAt)) {
    await deleteSession(db, idHash);
    return null;
  }
  if (session.user.disabled_at) return null;
  if (now - Date.parse(session.lastSeenAt) > touchIntervalMs) {
    await touchSession(db, idHash, new Date(now).toISOString());
  }
  return {
    user: session.user,
    idHash,
    csrfToken: session.csrfToken,
    enrolmentOnly: session.enrolmentOnly,
    eventAccess: session.eventAccess,
  };
}

export async function resolveApiToken(
  db: Db,
  token: string,
): Promise<{ user: UserRow; tokenId: number; scopes: TokenScope[] } | null> {
  const found = await findActiveApiTokenWithUser(db, hashSecret(token));
  if (!found || found.user.disabled_at) return null;
  const now = Date.now();
  if (found.lastUsedAt === null || now - Date.parse(found.lastUsedAt) > touchIntervalMs) {
    await touchApiToken(db, found.tokenId, new Date(now).toISOString());
  }
  return { user: found.user, tokenId: found.tokenId, scopes: parseScopes(found.scopes) };
}

/** What a login, a password change or a "who am I" answers. */
export function presentSession(
  user: UserRow,
  csrfToken: string | null,
  mustEnrolSecondFactor = false,
): Session {
  return { user: presentUser(user), csrfToken, mustEnrolSecondFactor };
}

/** The caller's account and, for a session, its CSRF token. */
export async function currentSession(
  db: Db,
  actor: Actor,
  csrfToken: string | null,
): Promise<Session> {
  const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
  if (!user) throw errors.unauthenticated();
  return presentSession(user, csrfToken, actor.mustEnrolSecondFactor === true);
}

export async function logout(db: Db, actor: Actor, idHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, idHash);
    await recordAudit(trx, actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId ?? 0,
    });
  });
}

/** Changes one's own password; all other sessions of the user end, the current one is renewed. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  policy: SessionPolicy,
): Promise<LoginResult> {
  const user = await findUserById(db, actor.userId ?? -1);
  if (!user) throw errors.unauthenticated();
  if (!user.password_hash || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw errors.badRequest('Nuvarande lösenord stämmer inte.', { field: 'currentPassword' });
  }
  const weakness = passwordWeakness(input.newPassword, user);
  if (weakness) throw errors.badRequest(weakness, { field: 'newPassword' });
  if (input.newPassword === input.currentPassword) {
    throw errors.badRequest('Det nya lösenordet måste skilja sig från det nuvarande.', {
      field: 'newPassword',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, user.id, user.version, {
      password_hash: passwordHash,
      must_change_password: 0,
    });
    if (!updated) throw errors.conflict(null);
    await deleteSessionsOfUser(trx, user.id);
    const session = await openSession(trx, user.id, policy, actor.mustEnrolSecondFactor);
    await recordAudit(trx, actor, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
    });
    return { ...session, user: updated };
  });
}
