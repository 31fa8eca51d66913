// The second factor (src/server/mfa/): the code step of a login, enrolment, and the admin's policy.
import type { Session } from '../../contract/auth.ts';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type {
  RecoveryCodes,
  SecondFactorChallenge,
  SecurityKeyRegistered,
  WebauthnOptions,
  SecondFactorPolicy,
  SecondFactorStatus,
  StepUp,
  TotpEnrolment,
} from '../../contract/mfa.ts';
import { ApiError, request } from '../api.ts';

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
  /** Switches TOTP off; the session must have proved a factor again (a step-up) just before. */
  disable: () => request<void>('POST', '/api/auth/second-factor/disable', {}),
  stepUp: (code: string) => request<StepUp>('POST', '/api/auth/second-factor/step-up', { code }),
  startKeyStepUp: () =>
    request<WebauthnOptions>('POST', '/api/auth/second-factor/step-up/webauthn/options', {}),
  keyStepUp: (response: AuthenticationResponseJSON) =>
    request<StepUp>('POST', '/api/auth/second-factor/step-up/webauthn', { response }),
  renewRecoveryCodes: () =>
    request<RecoveryCodes>('POST', '/api/auth/second-factor/recovery-codes', {}),
  startKeyRegistration: () =>
    request<WebauthnOptions>('POST', '/api/auth/second-factor/webauthn/options', {}),
  registerKey: (name: string, response: RegistrationResponseJSON) =>
    request<SecurityKeyRegistered>('POST', '/api/auth/second-factor/webauthn', { name, response }),
  removeKey: (keyId: number) =>
    request<void>('DELETE', `/api/auth/second-factor/webauthn/${keyId}`),
  startKeyLogin: () =>
    request<WebauthnOptions>('POST', '/api/auth/login/second-factor/webauthn/options', {}),
  keyLogin: (response: AuthenticationResponseJSON) =>
    request<Session>('POST', '/api/auth/login/second-factor/webauthn', { response }),
  policy: () => request<SecondFactorPolicy>('GET', '/api/admin/second-factor-policy'),
  setPolicy: (requiredForStaff: boolean) =>
    request<SecondFactorPolicy>('PUT', '/api/admin/second-factor-policy', { requiredForStaff }),
};

/**
 * Whether this browser can use security keys and passkeys at all: the test of
 * @simplewebauthn/browser's browserSupportsWebAuthn, whose library is loaded only when a key is
 * used, so that the sign-in page's JavaScript does not carry it.
 */
export function securityKeysSupported(): boolean {
  return typeof globalThis.PublicKeyCredential === 'function';
}

const webauthn = () => import('@simplewebauthn/browser');

/** Registers a key in the browser (it asks the user to touch it) and stores it under a name. */
export async function registerSecurityKey(name: string): Promise<SecurityKeyRegistered> {
  const options = await secondFactorApi.startKeyRegistration();
  const { startRegistration } = await webauthn();
  const response = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return secondFactorApi.registerKey(name, response);
}

/** The login's key step: the browser asks for the key, the server checks its answer. */
export async function signInWithSecurityKey(): Promise<Session> {
  const options = await secondFactorApi.startKeyLogin();
  const { startAuthentication } = await webauthn();
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return secondFactorApi.keyLogin(response);
}

/** Proves the key again while signed in (a step-up before removing a factor). */
export async function stepUpWithSecurityKey(): Promise<StepUp> {
  const options = await secondFactorApi.startKeyStepUp();
  const { startAuthentication } = await webauthn();
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return secondFactorApi.keyStepUp(response);
}

/** The server wants a fresh second factor before it does this. */
export function needsStepUp(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'step_up_required';
}
