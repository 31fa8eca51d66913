import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  must_change_password: number;
  is_admin: number;
  /** 1: may sign in with a password even when local login is switched off. */
  break_glass: Generated<number>;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** Space-separated token scopes, e.g. "picture:read figures:push"; "*" covers everything. */
  scopes: Generated<string>;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** After this instant the token no longer authenticates; null: until revoked. */
  expires_at: string | null;
}

export interface UsersTables {
  users: UsersTable;
  api_tokens: ApiTokensTable;
}
