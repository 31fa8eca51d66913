import type { Generated } from 'kysely';
import type { Role } from '../../core/access.ts';

/** A user's account at an identity provider, keyed on issuer + subject (never on e-mail). */
export interface SsoIdentitiesTable {
  id: Generated<number>;
  user_id: number;
  issuer: string;
  subject: string;
  /** 1 when the user's system-admin flag was set by the group mapping (and may be taken away by it). */
  admin_from_sso: Generated<number>;
  created_at: string;
  last_login_at: string | null;
}

/** group → system admin, or group → role in an event (unit for unit reporters). */
export interface SsoGroupMappingsTable {
  id: Generated<number>;
  group_value: string;
  system_admin: number;
  event_id: number | null;
  role: Role | null;
  unit_id: number | null;
  created_at: string;
}

/** A login under way: the checks the callback must see again. Single use, short-lived. */
export interface SsoLoginFlowsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
}

/** The ID token behind a session opened by sign-on, kept as the hint for RP-initiated logout. */
export interface SsoSessionsTable {
  session_id_hash: string;
  id_token: string;
  created_at: string;
}

export interface SsoTables {
  sso_identities: SsoIdentitiesTable;
  sso_group_mappings: SsoGroupMappingsTable;
  sso_login_flows: SsoLoginFlowsTable;
  sso_sessions: SsoSessionsTable;
}
