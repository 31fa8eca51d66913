import type { Generated } from 'kysely';

/** A user's TOTP secret: unconfirmed until a first code proves the app holds it. */
export interface TotpFactorsTable {
  user_id: number;
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

export interface MfaTables {
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  second_factor_challenges: SecondFactorChallengesTable;
  second_factor_policy: SecondFactorPolicyTable;
}
