import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { SsoGroupMappingsTable, SsoIdentitiesTable, SsoLoginFlowsTable } from './tables.ts';

export type MappingRow = Selectable<SsoGroupMappingsTable>;
export type IdentityRow = Selectable<SsoIdentitiesTable>;
/** An identity with its account's name and address. */
export type IdentityWithUserRow = Omit<IdentityRow, 'admin_from_sso'> & {
  user_name: string;
  user_email: string;
};

export function insertLoginFlow(db: Db, flow: Insertable<SsoLoginFlowsTable>) {
  return db.insertInto('sso_login_flows').values(flow).execute();
}

/** Takes a login flow out: each one can complete a login at most once. */
export async function takeLoginFlow(db: Db, idHash: string) {
  const flow = await db
    .selectFrom('sso_login_flows')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (flow) await db.deleteFrom('sso_login_flows').where('id_hash', '=', idHash).execute();
  return flow;
}

export function deleteLoginFlowsBefore(db: Db, before: string) {
  return db.deleteFrom('sso_login_flows').where('created_at', '<', before).execute();
}

export function findIdentity(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('sso_identities')
    .selectAll()
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export function findIdentityById(db: Db, identityId: number) {
  return db
    .selectFrom('sso_identities')
    .selectAll()
    .where('id', '=', identityId)
    .executeTakeFirst();
}

export function listIdentities(db: Db): Promise<IdentityWithUserRow[]> {
  return db
    .selectFrom('sso_identities')
    .innerJoin('users', 'users.id', 'sso_identities.user_id')
    .select([
      'sso_identities.id',
      'sso_identities.user_id',
      'users.name as user_name',
      'users.email as user_email',
      'sso_identities.issuer',
      'sso_identities.subject',
      'sso_identities.created_at',
      'sso_identities.last_login_at',
    ])
    .orderBy('users.name')
    .orderBy('sso_identities.id')
    .execute();
}

export function insertIdentity(
  db: Db,
  identity: { userId: number; issuer: string; subject: string; now: string },
) {
  return db
    .insertInto('sso_identities')
    .values({
      user_id: identity.userId,
      issuer: identity.issuer,
      subject: identity.subject,
      created_at: identity.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateIdentity(
  db: Db,
  identityId: number,
  changes: { last_login_at?: string; admin_from_sso?: number },
) {
  return db.updateTable('sso_identities').set(changes).where('id', '=', identityId).execute();
}

export function deleteIdentity(db: Db, identityId: number) {
  return db.deleteFrom('sso_identities').where('id', '=', identityId).execute();
}

export function listMappings(db: Db): Promise<MappingRow[]> {
  return db
    .selectFrom('sso_group_mappings')
    .selectAll()
    .orderBy('group_value')
    .orderBy('id')
    .execute();
}

export function mappingsForGroups(db: Db, groups: readonly string[]) {
  if (groups.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sso_group_mappings')
    .selectAll()
    .where('group_value', 'in', groups)
    .orderBy('id')
    .execute();
}

export function findMapping(db: Db, mappingId: number) {
  return db
    .selectFrom('sso_group_mappings')
    .selectAll()
    .where('id', '=', mappingId)
    .executeTakeFirst();
}

export function findSameMapping(
  db: Db,
  mapping: Omit<Insertable<SsoGroupMappingsTable>, 'created_at'>,
) {
  return db
    .selectFrom('sso_group_mappings')
    .select('id')
    .where('group_value', '=', mapping.group_value)
    .where('system_admin', '=', mapping.system_admin)
    .where('event_id', mapping.event_id == null ? 'is' : '=', mapping.event_id ?? null)
    .where('role', mapping.role == null ? 'is' : '=', mapping.role ?? null)
    .where('unit_id', mapping.unit_id == null ? 'is' : '=', mapping.unit_id ?? null)
    .executeTakeFirst();
}

export function insertMapping(db: Db, mapping: Insertable<SsoGroupMappingsTable>) {
  return db
    .insertInto('sso_group_mappings')
    .values(mapping)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteMapping(db: Db, mappingId: number) {
  return db.deleteFrom('sso_group_mappings').where('id', '=', mappingId).execute();
}

export function insertSsoSession(
  db: Db,
  session: { sessionIdHash: string; idToken: string; now: string },
) {
  return db
    .insertInto('sso_sessions')
    .values({
      session_id_hash: session.sessionIdHash,
      id_token: session.idToken,
      created_at: session.now,
    })
    .execute();
}

/** Takes out the ID token of a session that is ending. */
export async function takeSsoSession(db: Db, sessionIdHash: string) {
  const row = await db
    .selectFrom('sso_sessions')
    .select('id_token')
    .where('session_id_hash', '=', sessionIdHash)
    .executeTakeFirst();
  if (row) {
    await db.deleteFrom('sso_sessions').where('session_id_hash', '=', sessionIdHash).execute();
  }
  return row;
}

export function deleteSsoSessionsBefore(db: Db, before: string) {
  return db.deleteFrom('sso_sessions').where('created_at', '<', before).execute();
}
