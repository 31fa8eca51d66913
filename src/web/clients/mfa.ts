// The second factor (src/server/mfa/): the code step of a login, enrolment, and the admin's policy.
import type { Session } from '../../contract/auth.ts';
import type {
  RecoveryCodes,
  SecondFactorChallenge,
  SecondFactorPolicy,
  SecondFactorStatus,
  TotpEnrolment,
} from '../../contract/mfa.ts';
import { request } from '../api.ts';

/** What a right password leads to: a session, or the step that asks for a code. */
export type PasswordStep = Session | SecondFactorChallenge;

export function needsCode(step: PasswordStep): step is SecondFactorChallenge {
  return 'secondFactor' in step;
}

export const secondFactorApi = {
  code: (code: string) => request<Session>('POST', '/api/auth/login/second-factor', { code }),
  status: () => request<SecondFactorStatus>('GET', '/api/auth/second-factor'),
  startTotp: () => request<TotpEnrolment>('POST', '/api/auth/second-factor/totp', {}),
  confirmTotp: (code: string) =>
    request<RecoveryCodes>('POST', '/api/auth/second-factor/totp/confirm', { code }),
  disable: (code: string) => request<void>('POST', '/api/auth/second-factor/disable', { code }),
  policy: () => request<SecondFactorPolicy>('GET', '/api/admin/second-factor-policy'),
  setPolicy: (requiredForStaff: boolean) =>
    request<SecondFactorPolicy>('PUT', '/api/admin/second-factor-policy', { requiredForStaff }),
};
