import { z } from 'zod';
import { user } from './users.ts';

export const loginBody = z
  .object({
    email: z.string().trim().min(1, 'Ange din e-postadress.').max(254),
    password: z.string().min(1, 'Ange ditt lösenord.').max(200),
  })
  .strict();

export const passwordBody = z
  .object({
    currentPassword: z.string().min(1, 'Ange ditt nuvarande lösenord.').max(200),
    newPassword: z.string().max(200),
  })
  .strict();

/** The signed-in user and the token every write must send back (null for an API token). */
export const session = z.object({
  user,
  csrfToken: z.string().nullable(),
  /** The session may do nothing but enrol a second factor (and change a one-time password). */
  mustEnrolSecondFactor: z.boolean(),
});
export type Session = z.infer<typeof session>;

/** After a sign-out from a session opened by sign-on: where to end the provider's session. */
export const loggedOut = z.object({ redirectTo: z.string() });
export type LoggedOut = z.infer<typeof loggedOut>;
