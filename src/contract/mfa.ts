import { z } from 'zod';
import { decimalId } from './numbers.ts';

const code = z.string().trim().min(1, 'Ange koden.').max(40, 'Koden är för lång.');

/** The second step of a login: a code from the app, or a recovery code. */
export const secondFactorLoginBody = z.object({ code }).strict();

export const secondFactorMethod = z.enum(['totp', 'webauthn']);
export type SecondFactorMethod = z.infer<typeof secondFactorMethod>;

/**
 * The password was right; the login waits for the second factor, by one of these methods (a
 * recovery code is taken wherever a code is).
 */
export const secondFactorChallenge = z.object({ secondFactor: z.array(secondFactorMethod) });
export type SecondFactorChallenge = z.infer<typeof secondFactorChallenge>;

/** A registered security key or passkey, as its owner sees it. */
export const securityKey = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type SecurityKey = z.infer<typeof securityKey>;

export const secondFactorStatus = z.object({
  /** Any factor: TOTP or at least one security key. */
  enabled: z.boolean(),
  totp: z.boolean(),
  securityKeys: z.array(securityKey),
  /** Whether this account must have one (a break-glass account, or a staff role under the policy). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** Whether security keys can be enrolled here (PUBLIC_URL names a host, not an IP address). */
  securityKeysAvailable: z.boolean(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatus>;

/** Shown once, while enrolling: the secret is never sent again. */
export const totpEnrolment = z.object({
  secret: z.string(),
  uri: z.string(),
  qrCodeSvg: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolment>;

export const totpCodeBody = z.object({ code }).strict();

/** Switching TOTP off: a code given with it, or none after a recent step-up. */
export const disableTotpBody = z.object({ code: code.optional() }).strict();

/** A step-up (proving a factor again while signed in) holds until then. */
export const stepUp = z.object({ validUntil: z.string() });
export type StepUp = z.infer<typeof stepUp>;

/** Shown once, when the second factor is switched on. */
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

export const secondFactorPolicy = z.object({
  requiredForStaff: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SecondFactorPolicy = z.infer<typeof secondFactorPolicy>;

export const secondFactorPolicyBody = z.object({ requiredForStaff: z.boolean() }).strict();

/**
 * WebAuthn options for the browser (PublicKeyCredentialCreationOptionsJSON or
 * PublicKeyCredentialRequestOptionsJSON), passed through as @simplewebauthn/server made them.
 */
export const webauthnOptions = z.looseObject({ challenge: z.string() });
export type WebauthnOptions = z.infer<typeof webauthnOptions>;

/** The browser's answer (RegistrationResponseJSON or AuthenticationResponseJSON), checked by the server. */
const webauthnResponse = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().max(16_384) }),
});

export const securityKeyRegistrationBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Ge nyckeln ett namn, till exempel "YubiKey på kontoret".')
      .max(80, 'Namnet får vara högst 80 tecken.'),
    response: webauthnResponse,
  })
  .strict();

/** The key is registered; recovery codes come with it when it is the account's first factor. */
export const securityKeyRegistered = z.object({
  key: securityKey,
  recoveryCodes: z.array(z.string()).nullable(),
});
export type SecurityKeyRegistered = z.infer<typeof securityKeyRegistered>;

export const securityKeyParams = z.object({ keyId: decimalId });

export const securityKeyLoginBody = z.object({ response: webauthnResponse }).strict();
