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
  })
  .strict();
