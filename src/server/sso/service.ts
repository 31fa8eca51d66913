import { randomBytes } from 'node:crypto';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import * as oidc from 'openid-client';
import type { z } from 'zod';
import type { Role } from '../../core/access.ts';
import { deleteGrant, grantsOfUser, insertGrant } from '../access/repository.ts';
import { recordAudit } from '../audit/record.ts';
import {
  type LoginResult,
  type SessionPolicy,
  actorFromUser,
  hashSecret,
  openSession,
} from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { AppError, errors } from '../errors.ts';
import { findEvent } from '../events/repository.ts';
import type { Actor } from '../http/actor.ts';
import { findUnit } from '../units/repository.ts';
import {
  type UserRow,
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
} from '../users/repository.ts';
import { type OidcClient, groupsFrom } from './provider.ts';
import {
  type IdentityRow,
  type IdentityWithUserRow,
  type MappingRow,
  deleteIdentity,
  deleteLoginFlowsBefore,
  deleteMapping,
  deleteSsoSessionsBefore,
  findIdentity,
  findIdentityById,
  findMapping,
  findSameMapping,
  insertIdentity,
  insertLoginFlow,
  insertMapping,
  insertSsoSession,
  listIdentities,
  listMappings,
  mappingsForGroups,
  takeLoginFlow,
  takeSsoSession,
  updateIdentity,
} from './repository.ts';
import type {
  GroupMapping,
  LinkedIdentity,
  StoredIdentity,
  createMappingBody,
  linkIdentityBody,
} from '../../contract/sso.ts';

const flowLifetimeMs = 10 * 60_000;

/** Starts a login: the checks stay on the server, the browser only holds a random flow id. */
export async function startLogin(db: Db, client: OidcClient, returnTo: string) {
  const flowId = randomBytes(32).toString('base64url');
  const checks = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const redirectTo = await client.authorizationUrl(checks).catch((error: unknown) => {
    throw withCause(
      new AppError(
        'unavailable',
        'Regionens inloggning svarar inte just nu. Försök igen om en stund.',
      ),
      error,
    );
  });
  const now = new Date();
  await deleteLoginFlowsBefore(db, new Date(now.getTime() - flowLifetimeMs).toISOString());
  await insertLoginFlow(db, {
    id_hash: hashSecret(flowId),
    state: checks.state,
    nonce: checks.nonce,
    code_verifier: checks.codeVerifier,
    return_to: returnTo,
    created_at: now.toISOString(),
  });
  return { flowId, redirectTo, maxAgeSeconds: flowLifetimeMs / 1000 };
}

/**
 * Only paths inside the app: an open redirect after login would help phishing. Browsers drop
 * tabs and line breaks from URLs and read a backslash as a slash, so "/\t/evil" or "/\\evil"
 * would leave the site; such paths fall back to the start page.
 */
export function safeReturnPath(next: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return next && /^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/.test(next) ? next : '/';
}

/** Keeps the library's reason for the log; people see only the Swedish message. */
function withCause(error: AppError, cause: unknown): AppError {
  return Object.assign(error, { cause });
}

export interface CompletedLogin extends LoginResult {
  returnTo: string;
}

/**
 * Completes a login from the provider's redirect: redeems the code, finds or creates the user
 * by issuer + subject, applies the group mapping and opens an ordinary session.
 */
export async function completeLogin(
  db: Db,
  client: OidcClient,
  input: { flowId: string | undefined; query: string; address: string; requestId: string },
  policy: SessionPolicy,
): Promise<CompletedLogin> {
  const flow = input.flowId ? await takeLoginFlow(db, hashSecret(input.flowId)) : undefined;
  if (!flow || Date.parse(flow.created_at) + flowLifetimeMs < Date.now()) {
    throw errors.badRequest('Inloggningen har gått ut eller redan använts. Börja om.');
  }
  const verified = await client
    .redeem(input.query, {
      state: flow.state,
      nonce: flow.nonce,
      codeVerifier: flow.code_verifier,
    })
    .catch((error: unknown) => {
      throw withCause(
        errors.signOnFailed('Inloggningen kunde inte bekräftas. Försök igen.'),
        error,
      );
    });
  const groups = groupsFrom(verified.claims, client.settings.groupsClaim);
  const now = new Date().toISOString();
  const signIn = () =>
    db.transaction().execute(async (trx) => {
      const { user, identityId, adminFromSso } = await userForClaims(
        trx,
        verified.claims,
        input.requestId,
      );
      const actor = actorFromUser(user, input.requestId);
      const synced = await applyGroupMapping(trx, actor, {
        user,
        identityId,
        adminFromSso,
        groups,
      });
      await updateIdentity(trx, identityId, { last_login_at: now });
      const session = await openSession(trx, synced.id, policy);
      await deleteSsoSessionsBefore(
        trx,
        new Date(Date.now() - policy.absoluteHours * 3_600_000).toISOString(),
      );
      await insertSsoSession(trx, {
        sessionIdHash: hashSecret(session.sessionId),
        idToken: verified.idToken,
        now,
      });
      await recordAudit(trx, actorFromUser(synced, input.requestId), {
        action: 'auth.login',
        entityType: 'user',
        entityId: synced.id,
        after: { address: input.address, method: 'sso', groups },
      });
      return { ...session, user: synced, returnTo: flow.return_to };
    });
  // Two first logins of one person at once: the one that lost the race finds the new identity.
  return signIn().catch((error: unknown) => {
    if (isUniqueViolation(error)) return signIn();
    throw error;
  });
}

interface Claims {
  iss: string;
  sub: string;
  email?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
}

/**
 * The user behind an identity. A first login creates the user, but never takes over a local
 * account with the same e-mail: whoever controls an address at the provider would otherwise
 * get that account. An administrator links such accounts explicitly.
 */
async function userForClaims(db: Db, claims: Claims, requestId: string) {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const name = nameFrom(claims) || email;
  const identity = await findIdentity(db, claims.iss, claims.sub);
  if (identity) {
    const user = await findUserById(db, identity.user_id);
    if (!user || user.disabled_at) {
      throw errors.signOnFailed('Ditt konto i Lägesbild är avstängt. Kontakta en administratör.');
    }
    const updated = await refreshProfile(db, user, { email, name }, requestId);
    return { user: updated, identityId: identity.id, adminFromSso: identity.admin_from_sso === 1 };
  }
  if (!email) {
    throw errors.signOnFailed(
      'Regionens konto saknar e-postadress, så inget konto kan skapas. Kontakta en administratör.',
    );
  }
  if (await findUserByEmail(db, email)) {
    throw errors.signOnFailed(
      'Det finns redan ett konto i Lägesbild med din e-postadress. Be en administratör koppla det till ditt konto i regionen.',
    );
  }
  const now = new Date().toISOString();
  const user = await insertUser(db, {
    email,
    name: name.slice(0, 200),
    password_hash: null,
    must_change_password: 0,
    is_admin: 0,
    created_at: now,
    updated_at: now,
  });
  const created = await insertIdentity(db, {
    userId: user.id,
    issuer: claims.iss,
    subject: claims.sub,
    now,
  });
  const actor = actorFromUser(user, requestId);
  await recordAudit(db, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    after: user,
  });
  await recordAudit(db, actor, {
    action: 'sso_identity.create',
    entityType: 'sso_identity',
    entityId: created.id,
    after: created,
  });
  return { user, identityId: created.id, adminFromSso: false };
}

function nameFrom(claims: Claims): string {
  if (typeof claims.name === 'string' && claims.name.trim()) return claims.name.trim();
  return [claims.given_name, claims.family_name]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}

/** Name and e-mail follow the provider; an e-mail already used by another account is left alone. */
async function refreshProfile(
  db: Db,
  user: UserRow,
  profile: { email: string; name: string },
  requestId: string,
): Promise<UserRow> {
  const emailChanged =
    profile.email !== '' &&
    profile.email !== user.email &&
    !(await findUserByEmail(db, profile.email));
  const name = profile.name.slice(0, 200);
  const nameChanged = name !== '' && name !== user.name;
  if (!emailChanged && !nameChanged) return user;
  const updated = await updateUser(db, user.id, user.version, {
    ...(emailChanged && { email: profile.email }),
    ...(nameChanged && { name }),
  });
  if (!updated) throw errors.conflict(null);
  await recordAudit(db, actorFromUser(updated, requestId), {
    action: 'user.update',
    entityType: 'user',
    entityId: user.id,
    before: { email: user.email, name: user.name },
    after: { email: updated.email, name: updated.name },
  });
  return updated;
}

function grantKey(grant: { event_id: number; role: Role; unit_id: number | null }): string {
  return `${grant.event_id}:${grant.role}:${grant.unit_id ?? ''}`;
}

/**
 * Makes the user's sign-on grants match the groups of this login: grants from the mapping are
 * added or removed, grants given by hand are never touched. The system-admin flag is taken away
 * only when the mapping gave it.
 */
async function applyGroupMapping(
  db: Db,
  actor: Actor,
  input: { user: UserRow; identityId: number; adminFromSso: boolean; groups: string[] },
): Promise<UserRow> {
  const mappings = await mappingsForGroups(db, input.groups);
  const wanted = new Map<string, { event_id: number; role: Role; unit_id: number | null }>();
  for (const mapping of mappings) {
    if (mapping.event_id === null || mapping.role === null) continue;
    const grant = { event_id: mapping.event_id, role: mapping.role, unit_id: mapping.unit_id };
    wanted.set(grantKey(grant), grant);
  }
  const existing = await grantsOfUser(db, input.user.id);
  const existingKeys = new Set(existing.map(grantKey));
  for (const grant of existing) {
    if (grant.source !== 'sso' || wanted.has(grantKey(grant))) continue;
    await deleteGrant(db, grant.id);
    await recordAudit(db, actor, {
      action: 'grant.delete',
      entityType: 'grant',
      entityId: grant.id,
      eventId: grant.event_id,
      before: grant,
    });
  }
  for (const [key, grant] of wanted) {
    if (existingKeys.has(key)) continue;
    const created = await insertGrant(db, {
      userId: input.user.id,
      eventId: grant.event_id,
      role: grant.role,
      unitId: grant.unit_id,
      source: 'sso',
    });
    await recordAudit(db, actor, {
      action: 'grant.create',
      entityType: 'grant',
      entityId: created.id,
      eventId: created.event_id,
      after: created,
    });
  }
  const wantsAdmin = mappings.some((mapping) => mapping.system_admin === 1);
  return applyAdminMapping(db, actor, { ...input, wantsAdmin });
}

async function applyAdminMapping(
  db: Db,
  actor: Actor,
  input: { user: UserRow; identityId: number; adminFromSso: boolean; wantsAdmin: boolean },
): Promise<UserRow> {
  const { user } = input;
  const grant = input.wantsAdmin && user.is_admin !== 1;
  const revoke = !input.wantsAdmin && input.adminFromSso;
  if (!grant && !revoke) return user;
  await updateIdentity(db, input.identityId, { admin_from_sso: grant ? 1 : 0 });
  if (revoke && user.is_admin !== 1) return user;
  const updated = await updateUser(db, user.id, user.version, { is_admin: grant ? 1 : 0 });
  if (!updated) throw errors.conflict(null);
  await recordAudit(db, actor, {
    action: 'user.update',
    entityType: 'user',
    entityId: user.id,
    before: { is_admin: user.is_admin },
    after: { is_admin: updated.is_admin, source: 'sso' },
  });
  return updated;
}

/**
 * Where to send the browser to end the provider's session as well, for a session opened by
 * sign-on; null for a password session or a provider without RP-initiated logout.
 */
export async function providerLogoutUrl(
  db: Db,
  client: OidcClient | null,
  sessionIdHash: string,
): Promise<string | null> {
  const ssoSession = await takeSsoSession(db, sessionIdHash);
  if (!client || !ssoSession) return null;
  const url = await client.endSessionUrl(ssoSession.id_token).catch(() => null);
  return url?.toString() ?? null;
}

export function presentMapping(mapping: MappingRow): GroupMapping {
  return {
    id: mapping.id,
    groupValue: mapping.group_value,
    systemAdmin: mapping.system_admin === 1,
    eventId: mapping.event_id,
    role: mapping.role,
    unitId: mapping.unit_id,
    createdAt: mapping.created_at,
  };
}

export function presentStoredIdentity(identity: IdentityRow): StoredIdentity {
  return {
    id: identity.id,
    userId: identity.user_id,
    issuer: identity.issuer,
    subject: identity.subject,
    adminFromSso: identity.admin_from_sso === 1,
    createdAt: identity.created_at,
    lastLoginAt: identity.last_login_at,
  };
}

export function presentIdentity(identity: IdentityWithUserRow): LinkedIdentity {
  return {
    id: identity.id,
    userId: identity.user_id,
    userName: identity.user_name,
    userEmail: identity.user_email,
    issuer: identity.issuer,
    subject: identity.subject,
    createdAt: identity.created_at,
    lastLoginAt: identity.last_login_at,
  };
}

export async function createMapping(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createMappingBody>,
): Promise<GroupMapping> {
  const row =
    input.target === 'system_admin'
      ? { group_value: input.group, system_admin: 1, event_id: null, role: null, unit_id: null }
      : {
          group_value: input.group,
          system_admin: 0,
          event_id: input.eventId,
          role: input.role,
          unit_id: input.unitId,
        };
  if (input.target === 'event') {
    if (input.role === 'unit_reporter' && input.unitId === null) {
      throw errors.badRequest('En enhetsrapportör måste kopplas till en enhet.', {
        field: 'unitId',
      });
    }
    if (input.role !== 'unit_reporter' && input.unitId !== null) {
      throw errors.badRequest('Bara enhetsrapportörer kopplas till en enhet.', {
        field: 'unitId',
      });
    }
  }
  const created = await db.transaction().execute(async (trx) => {
    if (row.event_id !== null && !(await findEvent(trx, row.event_id))) {
      throw errors.badRequest('Händelsen finns inte.', { field: 'eventId' });
    }
    if (row.unit_id !== null && !(await findUnit(trx, row.unit_id))) {
      throw errors.badRequest('Enheten finns inte.', { field: 'unitId' });
    }
    if (await findSameMapping(trx, row)) {
      throw errors.wrongState('Gruppen har redan den kopplingen.', { field: 'group' });
    }
    const created = await insertMapping(trx, { ...row, created_at: new Date().toISOString() });
    await recordAudit(trx, actor, {
      action: 'sso_mapping.create',
      entityType: 'sso_mapping',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return presentMapping(created);
}

export async function removeMapping(db: Db, actor: Actor, mappingId: number) {
  await db.transaction().execute(async (trx) => {
    const before = await findMapping(trx, mappingId);
    if (!before) throw errors.notFound('Kopplingen');
    await deleteMapping(trx, mappingId);
    await recordAudit(trx, actor, {
      action: 'sso_mapping.delete',
      entityType: 'sso_mapping',
      entityId: mappingId,
      before,
    });
  });
}

/** An administrator's explicit link between an existing account and an identity at the provider. */
export async function linkIdentity(
  db: Db,
  actor: Actor,
  input: z.infer<typeof linkIdentityBody>,
  defaultIssuer: string | null,
): Promise<StoredIdentity> {
  const issuer = input.issuer ?? defaultIssuer;
  if (!issuer) {
    throw errors.badRequest('Ange utfärdaren: inloggning via regionens konto är inte inställd.', {
      field: 'issuer',
    });
  }
  const created = await db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, input.userId))) {
      throw errors.badRequest('Användaren finns inte.', { field: 'userId' });
    }
    if (await findIdentity(trx, issuer, input.subject)) {
      throw errors.wrongState('Den identiteten är redan kopplad till ett konto.', {
        field: 'subject',
      });
    }
    const created = await insertIdentity(trx, {
      userId: input.userId,
      issuer,
      subject: input.subject,
      now: new Date().toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'sso_identity.create',
      entityType: 'sso_identity',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return presentStoredIdentity(created);
}

export async function unlinkIdentity(db: Db, actor: Actor, identityId: number) {
  await db.transaction().execute(async (trx) => {
    const before = await findIdentityById(trx, identityId);
    if (!before) throw errors.notFound('Kopplingen');
    await deleteIdentity(trx, identityId);
    await recordAudit(trx, actor, {
      action: 'sso_identity.delete',
      entityType: 'sso_identity',
      entityId: identityId,
      before,
    });
  });
}

export async function allMappings(db: Db): Promise<{ items: GroupMapping[] }> {
  return { items: (await listMappings(db)).map(presentMapping) };
}

export async function allIdentities(db: Db): Promise<{ items: LinkedIdentity[] }> {
  return { items: (await listIdentities(db)).map(presentIdentity) };
}
