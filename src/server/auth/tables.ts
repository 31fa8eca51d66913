import type { Generated } from 'kysely';

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** 1 while the user must enrol a second factor before doing anything else. */
  enrolment_only: Generated<number>;
  /** When the session last proved a second factor again (a step-up), or null. */
  stepped_up_at: Generated<string | null>;
}

export interface LoginAttemptsTable {
  account_key: string;
  address: string;
  at: string;
}

export interface LoginDevicesTable {
  token_hash: string;
  account_key: string;
  created_at: string;
}

export interface AuthTables {
  sessions: SessionsTable;
  login_failures: LoginAttemptsTable;
  login_devices: LoginDevicesTable;
}
