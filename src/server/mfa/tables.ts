import type { Generated } from 'kysely';

/** A user's TOTP secret: unconfirmed until a first code proves the app holds it. */
export interface TotpFactorsTable {
  user_id: number;
  /** Sealed with the installation's key (AES-256-GCM, mfa/secrets.ts); never stored in clear. */
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The last time step a code was accepted for: a code of that step or earlier is refused. */
  last_time_step: number | null;
}

export interface RecoveryCodesTable {
  code_hash: string;
  user_id: number;
  used_at: string | null;
}

/** A password that was right, waiting for the second factor. */
export interface SecondFactorChallengesTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  failures: Generated<number>;
}

/** The installation's one policy row (id 1). */
export interface SecondFactorPolicyTable {
  id: number;
  required_for_staff: number;
  updated_at: string;
  updated_by: number | null;
}

/** A security key or passkey: its public key, signature counter and the name its owner gave it. */
export interface WebauthnCredentialsTable {
  id: Generated<number>;
  user_id: number;
  /** base64url, as the browser reports it. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter: a bigint, read back as a string on PostgreSQL. */
  counter: number | string;
  /** JSON array of the transports the browser reported. */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A WebAuthn challenge handed out by the server: single use, for one user and one purpose. */
export interface WebauthnChallengesTable {
  challenge: string;
  user_id: number;
  purpose: 'register' | 'login' | 'step_up';
  expires_at: string;
}

export interface MfaTables {
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  second_factor_challenges: SecondFactorChallengesTable;
  second_factor_policy: SecondFactorPolicyTable;
  webauthn_credentials: WebauthnCredentialsTable;
  webauthn_challenges: WebauthnChallengesTable;
}
