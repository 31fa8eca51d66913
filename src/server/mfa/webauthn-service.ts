import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { SecurityKeyRegistered, WebauthnOptions } from '../../contract/mfa.ts';
import { recordAudit } from '../audit/record.ts';
import { setEnrolmentOnly } from '../auth/repository.ts';
import { type SessionPolicy, actorFromUser } from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findUserById } from '../users/repository.ts';
import type { UserRow } from '../users/repository.ts';
import { hasSecondFactor, secondFactorRequired } from './gate.ts';
import { hashToken } from './hash.ts';
import { replaceRecoveryCodes } from './repository.ts';
import {
  type SecondFactorAttempt,
  type UsedFactor,
  completeSecondFactor,
  pendingLogin,
  presentSecurityKey,
} from './service.ts';
import { newRecoveryCodes } from './totp.ts';
import {
  type RelyingParty,
  authenticationOptions,
  counterWentBack,
  registrationOptions,
  verifiedAssertion,
  verifiedRegistration,
  webauthnTimeoutMs,
} from './webauthn.ts';
import {
  advanceCounter,
  claimWebauthnChallenge,
  credentialsOfUser,
  deleteCredentialOfUser,
  deleteExpiredWebauthnChallenges,
  findCredentialOfUser,
  insertCredential,
  insertWebauthnChallenge,
} from './webauthn-repository.ts';

async function signedInLocalUser(db: Db, actor: Actor): Promise<UserRow> {
  const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
  if (!user) throw errors.unauthenticated();
  if (!user.password_hash) {
    throw errors.wrongState('Tvåstegsverifiering gäller konton som loggar in med lösenord.');
  }
  return user;
}

/** Stores the options' challenge for this user and purpose, for 5 minutes and one use. */
async function rememberChallenge(
  db: Db,
  userId: number,
  purpose: 'register' | 'login',
  options: WebauthnOptions,
): Promise<WebauthnOptions> {
  const now = new Date();
  await deleteExpiredWebauthnChallenges(db, now.toISOString());
  await insertWebauthnChallenge(db, {
    challenge: options.challenge,
    userId,
    purpose,
    expiresAt: new Date(now.getTime() + webauthnTimeoutMs).toISOString(),
  });
  return options;
}

const claimer = (db: Db, userId: number, purpose: 'register' | 'login') => (challenge: string) =>
  claimWebauthnChallenge(db, { challenge, userId, purpose, now: new Date().toISOString() });

export async function startKeyRegistration(
  db: Db,
  rp: RelyingParty,
  actor: Actor,
): Promise<WebauthnOptions> {
  const user = await signedInLocalUser(db, actor);
  const options = await registrationOptions(rp, user, await credentialsOfUser(db, user.id));
  await recordAudit(db, actor, {
    action: 'auth.security_key_registration_started',
    entityType: 'user',
    entityId: user.id,
  });
  return rememberChallenge(db, user.id, 'register', options);
}

/**
 * Checks the key's answer against a challenge this server gave this user (spent by the check),
 * the configured origin and rpID, and stores the key. The account's first factor comes with ten
 * recovery codes, shown once.
 */
export async function registerKey(
  db: Db,
  rp: RelyingParty,
  actor: Actor,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<SecurityKeyRegistered> {
  const user = await signedInLocalUser(db, actor);
  const verified = await verifiedRegistration(rp, input.response, claimer(db, user.id, 'register'));
  if (!verified) {
    throw errors.badRequest('Nyckeln kunde inte registreras. Försök igen.', { field: 'name' });
  }
  const firstFactor = !(await hasSecondFactor(db, user.id));
  const codes = firstFactor ? newRecoveryCodes() : null;
  const createdAt = new Date().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const keyId = await insertCredential(trx, {
      userId: user.id,
      ...verified,
      name: input.name,
      createdAt,
    });
    if (codes) await replaceRecoveryCodes(trx, user.id, codes.map(hashToken));
    await setEnrolmentOnly(trx, user.id, false);
    await recordAudit(trx, actor, {
      action: 'auth.second_factor_enabled',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'webauthn', keyId, name: input.name },
    });
    return keyId;
  });
  return {
    key: { id, name: input.name, createdAt, lastUsedAt: null },
    recoveryCodes: codes,
  };
}

/** Removes one of one's own keys; with no factor left where one is required, enrol again. */
export async function removeKey(db: Db, actor: Actor, keyId: number): Promise<void> {
  const user = await signedInLocalUser(db, actor);
  const required = await secondFactorRequired(db, user);
  await db.transaction().execute(async (trx) => {
    const removed = await deleteCredentialOfUser(trx, user.id, keyId);
    if (!removed) throw errors.notFound('Nyckeln');
    if (required && !(await hasSecondFactor(trx, user.id))) {
      await setEnrolmentOnly(trx, user.id, true);
    }
    await recordAudit(trx, actor, {
      action: 'auth.security_key_removed',
      entityType: 'user',
      entityId: user.id,
      before: presentSecurityKey(removed),
    });
  });
}

/**
 * Options for the login's key step; the password step's challenge cookie says whose keys (a
 * request without one is malformed, one with an ended step is unauthenticated).
 */
export async function startKeyLogin(
  db: Db,
  rp: RelyingParty,
  input: { challengeToken: string | undefined; requestId: string },
): Promise<WebauthnOptions> {
  if (!input.challengeToken) throw errors.badRequest('Logga in med lösenordet först.');
  const { user } = await pendingLogin(db, input.challengeToken);
  const credentials = await credentialsOfUser(db, user.id);
  if (credentials.length === 0) throw errors.wrongState('Kontot har ingen säkerhetsnyckel.');
  await recordAudit(db, actorFromUser(user, input.requestId), {
    action: 'auth.security_key_login_started',
    entityType: 'user',
    entityId: user.id,
  });
  return rememberChallenge(db, user.id, 'login', await authenticationOptions(rp, credentials));
}

/**
 * The key step of a login. A key that is not the user's, a wrong challenge, origin, rpID or
 * signature, and a signature counter that did not grow count as a wrong code (the same five
 * tries). A counter that went backwards on a valid signature may mean a cloned key: it is
 * logged and audited as a security event.
 */
export function loginWithKey(
  db: Db,
  rp: RelyingParty,
  input: SecondFactorAttempt & { response: AuthenticationResponseJSON },
  policy: SessionPolicy,
) {
  return completeSecondFactor(db, input, policy, async (user, claimLogin) => {
    const credential = await findCredentialOfUser(db, user.id, input.response.id);
    if (!credential) return null;
    const counter = await verifiedAssertion(
      rp,
      input.response,
      credential,
      claimer(db, user.id, 'login'),
    );
    if (counter === null) return null;
    if (counterWentBack(credential.counter, counter)) {
      await reportCounterRegression(db, user, input, { credential, counter });
      return null;
    }
    const claimed = await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const advanced = await advanceCounter(trx, {
        id: credential.id,
        from: credential.counter,
        to: counter,
        now,
      });
      return advanced && (await claimLogin(trx));
    });
    return claimed ? ('webauthn' satisfies UsedFactor) : null;
  });
}

async function reportCounterRegression(
  db: Db,
  user: UserRow,
  input: SecondFactorAttempt,
  found: { credential: { id: number; name: string; counter: number }; counter: number },
) {
  const details = {
    keyId: found.credential.id,
    name: found.credential.name,
    storedCounter: found.credential.counter,
    reportedCounter: found.counter,
    address: input.address,
  };
  input.log.warn(
    { security: 'webauthn_counter_regression', email: user.email, ...details },
    `Security key counter went backwards for ${user.email}`,
  );
  await recordAudit(db, actorFromUser(user, input.requestId), {
    action: 'auth.security_key_counter_regression',
    entityType: 'user',
    entityId: user.id,
    after: details,
  });
}
