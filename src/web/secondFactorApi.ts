// Client of the second factor: the code step of a login, enrolment, and the admin's policy.
import type { Session } from '../contract/auth.ts';
import type {
  RecoveryCodes,
  SecondFactorChallenge,
  SecondFactorPolicy,
  SecondFactorStatus,
  TotpEnrolment,
} from '../contract/mfa.ts';
import { request } from './api.ts';

export type PasswordStep = Session | SecondFactorChallenge;

export function needsCode(step: PasswordStep): step is SecondFactorChallenge {
  return 'secondFactor' in step;
}

export const secondFactorApi = {
  login: (email: string, password: string) =>
    request<PasswordStep>('POST', '/api/auth/login', { email, password }),
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
