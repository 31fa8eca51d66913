import { z } from 'zod';

const code = z.string().trim().min(1, 'Ange koden.').max(40, 'Koden är för lång.');

/** The second step of a login: a code from the app, or a recovery code. */
export const secondFactorLoginBody = z.object({ code }).strict();

/** The password was right; the login waits for the second factor. */
export const secondFactorChallenge = z.object({ secondFactor: z.literal('totp') });
export type SecondFactorChallenge = z.infer<typeof secondFactorChallenge>;

export const secondFactorStatus = z.object({
  enabled: z.boolean(),
  /** Whether this account must have one (a break-glass account, or a staff role under the policy). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
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

/** Shown once, when the second factor is switched on. */
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

export const secondFactorPolicy = z.object({
  requiredForStaff: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SecondFactorPolicy = z.infer<typeof secondFactorPolicy>;

export const secondFactorPolicyBody = z.object({ requiredForStaff: z.boolean() }).strict();
