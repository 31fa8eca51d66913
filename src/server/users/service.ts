import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { type TokenScope, parseScopes } from '../../core/access.ts';
import { recordAudit } from '../audit/record.ts';
import { generatePassword, hashPassword, passwordWeakness } from '../auth/password.ts';
import { deleteSessionsOfUser } from '../auth/repository.ts';
import { hashSecret } from '../auth/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { revokeCalendarTokensOfApiToken } from '../meetings/repository.ts';
import {
  type UserRow,
  findUserByEmail,
  findUserById,
  findUserNames,
  insertApiToken,
  insertUser,
  listApiTokens,
  listUsers,
  revokeApiToken,
  updateUser,
} from './repository.ts';
import type {
  ApiToken,
  CreatedApiToken,
  User,
  UserWithPassword,
  createUserBody,
  updateUserBody,
} from '../../contract/users.ts';

export function presentUser(user: UserRow): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.is_admin === 1,
    breakGlass: user.break_glass === 1,
    hasPassword: user.password_hash !== null,
    mustChangePassword: user.must_change_password === 1,
    disabled: user.disabled_at !== null,
    version: user.version,
  };
}

/**
 * Creates an account. Without a chosen password a one-time password is generated, returned once
 * and must be changed at first login. `passwordHash`, the hash of `input.password` made earlier,
 * spares accounts that share one password (the demo's) a hash each: scrypt is slow by design.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: z.input<typeof createUserBody>,
  known: { passwordHash?: string } = {},
) {
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined) {
    const weakness = passwordWeakness(input.password, { email, name: input.name });
    if (weakness) throw errors.badRequest(weakness, { field: 'password' });
  }
  const oneTimePassword = input.password === undefined ? generatePassword() : null;
  const passwordHash =
    input.password !== undefined && known.passwordHash !== undefined
      ? known.passwordHash
      : await hashPassword(input.password ?? oneTimePassword!);
  const user = await db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) {
      throw errors.wrongState('Det finns redan en användare med den e-postadressen.', {
        field: 'email',
      });
    }
    const now = new Date().toISOString();
    const created = await insertUser(trx, {
      email,
      name: input.name.trim(),
      password_hash: passwordHash,
      must_change_password: oneTimePassword ? 1 : 0,
      is_admin: input.isAdmin ? 1 : 0,
      break_glass: input.breakGlass ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return { user, oneTimePassword };
}

export async function changeUser(
  db: Db,
  actor: Actor,
  userId: number,
  input: z.infer<typeof updateUserBody>,
): Promise<User> {
  const user = await db.transaction().execute(async (trx) => {
    const before = await loadUser(trx, userId);
    if (userId === actor.userId && (input.isAdmin === false || input.disabled === true)) {
      throw errors.badRequest(
        'Du kan inte ta bort din egen administratörsbehörighet eller stänga av dig själv.',
      );
    }
    const disabledAt =
      input.disabled === undefined ? undefined : input.disabled ? new Date().toISOString() : null;
    const updated = await updateUser(trx, userId, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.isAdmin !== undefined && { is_admin: input.isAdmin ? 1 : 0 }),
      ...(input.breakGlass !== undefined && { break_glass: input.breakGlass ? 1 : 0 }),
      ...(disabledAt !== undefined && { disabled_at: disabledAt }),
    });
    if (!updated) throw errors.conflict(presentUser(before));
    if (input.disabled) await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before,
      after: updated,
    });
    return updated;
  });
  return presentUser(user);
}

/** Gives the user a new one-time password and ends all their sessions. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
): Promise<UserWithPassword> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await db.transaction().execute(async (trx) => {
    const before = await loadUser(trx, userId);
    const updated = await updateUser(trx, userId, before.version, {
      password_hash: passwordHash,
      must_change_password: 1,
    });
    if (!updated) throw errors.conflict(presentUser(before));
    await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: userId,
    });
    return updated;
  });
  return { ...presentUser(user), oneTimePassword };
}

/**
 * Makes an existing account an enabled system administrator with `password`, or with a one-time
 * password when none is given; its sessions end.
 */
export async function makeAdministrator(
  db: Db,
  actor: Actor,
  userId: number,
  password?: string,
): Promise<{ user: UserRow; oneTimePassword: string | null }> {
  const oneTimePassword = password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(password ?? oneTimePassword!);
  const user = await db.transaction().execute(async (trx) => {
    const before = await loadUser(trx, userId);
    if (password !== undefined) {
      const weakness = passwordWeakness(password, { email: before.email, name: before.name });
      if (weakness) throw errors.badRequest(weakness, { field: 'password' });
    }
    const updated = await updateUser(trx, userId, before.version, {
      is_admin: 1,
      disabled_at: null,
      password_hash: passwordHash,
      must_change_password: oneTimePassword ? 1 : 0,
    });
    if (!updated) throw errors.conflict(presentUser(before));
    await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before,
      after: updated,
    });
    return updated;
  });
  return { user, oneTimePassword };
}

export async function findUserForCli(db: Db, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email);
  if (!user) throw errors.notFound(`Användaren ${email}`);
  return user;
}

/** Issues an API token for integrations; only its hash is stored, so it is shown once. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; scopes: TokenScope[]; expiresAt?: string | undefined },
): Promise<CreatedApiToken> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt && expiresAt <= new Date().toISOString()) {
    throw errors.badRequest('Ange ett slutdatum för nyckeln som inte har passerat.', {
      field: 'expiresAt',
    });
  }
  const token = `lb_${randomBytes(32).toString('base64url')}`;
  const scopes = input.scopes.includes('*') ? ['*'] : [...new Set(input.scopes)].sort();
  const stored = await db.transaction().execute(async (trx) => {
    const row = await insertApiToken(trx, {
      userId: actor.userId!,
      name: input.name,
      tokenHash: hashSecret(token),
      scopes: scopes.join(' '),
      expiresAt,
    });
    await recordAudit(trx, actor, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: row,
    });
    return row;
  });
  return {
    id: stored.id,
    name: stored.name,
    scopes: parseScopes(stored.scopes),
    createdAt: stored.created_at,
    expiresAt: stored.expires_at,
    token,
  };
}

interface ApiTokenRow {
  id: number;
  name: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

function presentApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

/** Every account, for the administrators. */
export async function allUsers(db: Db): Promise<{ items: User[] }> {
  return { items: (await listUsers(db)).map(presentUser) };
}

/** A new account, with its one-time password when none was chosen. */
export async function addUser(
  db: Db,
  actor: Actor,
  input: z.input<typeof createUserBody>,
): Promise<UserWithPassword> {
  const { user, oneTimePassword } = await createUser(db, actor, input);
  return { ...presentUser(user), oneTimePassword };
}

/** The caller's own API tokens, revoked ones included. */
export async function ownApiTokens(db: Db, actor: Actor): Promise<{ items: ApiToken[] }> {
  return { items: (await listApiTokens(db, actor.userId!)).map(presentApiToken) };
}

export async function revokeOwnApiToken(db: Db, actor: Actor, tokenId: number) {
  await db.transaction().execute(async (trx) => {
    const revoked = await revokeApiToken(trx, actor.userId!, tokenId);
    if (!revoked) throw errors.notFound('Nyckeln');
    await revokeCalendarTokensOfApiToken(trx, tokenId, new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
    });
  });
}

async function loadUser(db: Db, userId: number): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw errors.notFound('Användaren');
  return user;
}

/**
 * The names of many users in one query, by id (e.g. every author shown in a report). Ids that
 * name no user are left out of the map.
 */
export async function userNamesByIds(
  db: Db,
  ids: Iterable<number | null>,
): Promise<Map<number, string>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await findUserNames(db, wanted);
  return new Map(rows.map((row) => [row.id, row.name]));
}
