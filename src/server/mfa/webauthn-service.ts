import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { SecurityKeyRegistered, WebauthnOptions } from '../../contract/mfa.ts';
import { recordAudit } from '../audit/record.ts';
import { setEnrolmentOnly } from '../auth/repository.ts';
import { type SecurityLog, type SessionPolicy, actorFromUser } from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findUserById } from '../users/repository.ts';
import type { UserRow } from '../users/repository.ts';
import { hasSecondFactor, secondFactorRequired } from './gate.ts';
import { hashToken } from './hash.ts';
import { replaceRecoveryCodes } from './repository.ts';
import {
  type StepUp,
  type StepUpRequest,
  guardStepUpAttempt,
  recordStepUp,
  requireRecentStepUp,
  stepUpFailed,
} from './step-up.ts';
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

type ChallengePurpose = 'register' | 'login' | 'step_up';

/**
 * The relying party, or a refusal that says why there is none: browsers refuse WebAuthn on an
 * IP address, so PUBLIC_URL must name a host.
 */
export function requireRelyingParty(rp: RelyingParty | null): RelyingParty {
  if (!rp) {
    throw errors.wrongState(
      'Säkerhetsnycklar kan inte användas här: serverns adress (PUBLIC_URL) är en IP-adress eller inte angiven. Be administratören ange ett värdnamn, till exempel https://lagesbild.region.se. Kod från appen fungerar som vanligt.',
    );
  }
  return rp;
}

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
  purpose: ChallengePurpose,
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

const claimer = (db: Db, userId: number, purpose: ChallengePurpose) => (challenge: string) =>
  claimWebauthnChallenge(db, { challenge, userId, purpose, now: new Date().toISOString() });

export async function startKeyRegistration(
  db: Db,
  rp: RelyingParty | null,
  actor: Actor,
): Promise<WebauthnOptions> {
  const relyingParty = requireRelyingParty(rp);
  const user = await signedInLocalUser(db, actor);
  const options = await registrationOptions(
    relyingParty,
    user,
    await credentialsOfUser(db, user.id),
  );
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
  rp: RelyingParty | null,
  actor: Actor,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<SecurityKeyRegistered> {
  const relyingParty = requireRelyingParty(rp);
  const user = await signedInLocalUser(db, actor);
  const verified = await verifiedRegistration(
    relyingParty,
    input.response,
    claimer(db, user.id, 'register'),
  );
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

/**
 * Removes one of one's own keys after a recent step-up; with no factor left where one is
 * required, enrol again.
 */
export async function removeKey(db: Db, request: StepUpRequest, keyId: number): Promise<void> {
  const { actor } = request;
  const user = await signedInLocalUser(db, actor);
  const keys = await credentialsOfUser(db, user.id);
  if (!keys.some((key) => key.id === keyId)) throw errors.notFound('Nyckeln');
  await requireRecentStepUp(db, request);
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
  rp: RelyingParty | null,
  input: { challengeToken: string | undefined; requestId: string },
): Promise<WebauthnOptions> {
  const relyingParty = requireRelyingParty(rp);
  if (!input.challengeToken) throw errors.badRequest('Logga in med lösenordet först.');
  const { user } = await pendingLogin(db, input.challengeToken);
  const credentials = await credentialsOfUser(db, user.id);
  if (credentials.length === 0) throw errors.wrongState('Kontot har ingen säkerhetsnyckel.');
  await recordAudit(db, actorFromUser(user, input.requestId), {
    action: 'auth.security_key_login_started',
    entityType: 'user',
    entityId: user.id,
  });
  return rememberChallenge(
    db,
    user.id,
    'login',
    await authenticationOptions(relyingParty, credentials),
  );
}

/**
 * The key step of a login. A key that is not the user's, a wrong challenge, origin, rpID or
 * signature, and a signature counter that did not grow count as a wrong code (the same five
 * tries). A counter that went backwards on a valid signature may mean a cloned key: it is
 * logged and audited as a security event.
 */
export function loginWithKey(
  db: Db,
  rp: RelyingParty | null,
  input: SecondFactorAttempt & { response: AuthenticationResponseJSON },
  policy: SessionPolicy,
) {
  const relyingParty = requireRelyingParty(rp);
  return completeSecondFactor(db, input, policy, async (user, claimLogin) => {
    const proved = await provedByKey(db, relyingParty, {
      user,
      response: input.response,
      purpose: 'login',
      report: { address: input.address, requestId: input.requestId, log: input.log },
      alsoClaim: claimLogin,
    });
    return proved ? ('webauthn' satisfies UsedFactor) : null;
  });
}

/**
 * Whether the assertion holds for one of the user's keys, against a challenge this server gave
 * for `purpose`; its counter advances in one transaction with `alsoClaim`.
 */
async function provedByKey(
  db: Db,
  rp: RelyingParty,
  input: {
    user: UserRow;
    response: AuthenticationResponseJSON;
    purpose: ChallengePurpose;
    report: RegressionReport;
    alsoClaim?: (trx: Db) => Promise<boolean>;
  },
): Promise<boolean> {
  const { user, response } = input;
  const credential = await findCredentialOfUser(db, user.id, response.id);
  if (!credential) return false;
  const counter = await verifiedAssertion(
    rp,
    response,
    credential,
    claimer(db, user.id, input.purpose),
  );
  if (counter === null) return false;
  if (counterWentBack(credential.counter, counter)) {
    await reportCounterRegression(db, user, input.report, { credential, counter });
    return false;
  }
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const advanced = await advanceCounter(trx, {
      id: credential.id,
      from: credential.counter,
      to: counter,
      now,
    });
    return advanced && (input.alsoClaim ? await input.alsoClaim(trx) : true);
  });
}

/** Options for proving a key again while signed in (a step-up). */
export async function startKeyStepUp(
  db: Db,
  rp: RelyingParty | null,
  actor: Actor,
): Promise<WebauthnOptions> {
  const relyingParty = requireRelyingParty(rp);
  const user = await signedInLocalUser(db, actor);
  const credentials = await credentialsOfUser(db, user.id);
  if (credentials.length === 0) throw errors.wrongState('Kontot har ingen säkerhetsnyckel.');
  await recordAudit(db, actor, {
    action: 'auth.security_key_step_up_started',
    entityType: 'user',
    entityId: user.id,
  });
  return rememberChallenge(
    db,
    user.id,
    'step_up',
    await authenticationOptions(relyingParty, credentials),
  );
}

export async function stepUpWithKey(
  db: Db,
  rp: RelyingParty | null,
  request: StepUpRequest,
  response: AuthenticationResponseJSON,
): Promise<StepUp> {
  const relyingParty = requireRelyingParty(rp);
  const user = await signedInLocalUser(db, request.actor);
  await guardStepUpAttempt(db, request, user);
  const report = {
    address: request.address,
    requestId: request.actor.requestId ?? '',
    log: request.log,
  };
  const proved = await provedByKey(db, relyingParty, {
    user,
    response,
    purpose: 'step_up',
    report,
  });
  if (!proved) return stepUpFailed(db, request, user, 'webauthn');
  return recordStepUp(db, request, user, 'webauthn');
}

interface RegressionReport {
  address: string;
  requestId: string;
  log: SecurityLog;
}

async function reportCounterRegression(
  db: Db,
  user: UserRow,
  input: RegressionReport,
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
