import { z } from 'zod';
import { tokenScopes } from '../core/access.ts';
import { decimalId } from './numbers.ts';

export const userIdParams = z.object({ userId: decimalId });
export const tokenIdParams = z.object({ tokenId: decimalId });

export const createUserBody = z
  .object({
    email: z.email('Ange en giltig e-postadress.').max(254),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    isAdmin: z.boolean().default(false),
    breakGlass: z.boolean().default(false),
    password: z.string().max(200).optional(),
  })
  .strict();

export const updateUserBody = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200).optional(),
    isAdmin: z.boolean().optional(),
    breakGlass: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const createTokenBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn för nyckeln.').max(100),
    scopes: z
      .array(z.enum(tokenScopes, 'Okänd behörighet för nyckeln.'))
      .min(1, 'Välj minst en behörighet för nyckeln.')
      .default(['*']),
    /** Omitted: valid until revoked. */
    expiresAt: z.iso
      .datetime({ offset: true, error: 'Ange när nyckeln ska sluta gälla.' })
      .optional(),
  })
  .strict();

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  breakGlass: z.boolean(),
  hasPassword: z.boolean(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

export const userList = z.object({ items: z.array(user) });

/** A new account or a reset password: the one-time password is shown once (null when chosen). */
export const userWithPassword = user.extend({ oneTimePassword: z.string().nullable() });
export type UserWithPassword = z.infer<typeof userWithPassword>;

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenList = z.object({ items: z.array(apiToken) });

/** A new token: its secret is sent this once. */
export const createdApiToken = apiToken
  .pick({ id: true, name: true, scopes: true, createdAt: true, expiresAt: true })
  .extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiToken>;
