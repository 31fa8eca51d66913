import { z } from 'zod';
import { roles } from '../core/access.ts';
import { decimalId } from './numbers.ts';

export const mappingIdParams = z.object({ mappingId: decimalId });
export const identityIdParams = z.object({ identityId: decimalId });

const groupValue = z.string().trim().min(1, 'Ange gruppens värde.').max(500);

export const createMappingBody = z.discriminatedUnion('target', [
  z.object({ target: z.literal('system_admin'), group: groupValue }).strict(),
  z
    .object({
      target: z.literal('event'),
      group: groupValue,
      eventId: z.number().int().positive(),
      role: z.enum(roles),
      unitId: z.number().int().positive().nullable().default(null),
    })
    .strict(),
]);

export const linkIdentityBody = z
  .object({
    userId: z.number().int().positive(),
    subject: z
      .string()
      .trim()
      .min(1, 'Ange användarens id (sub) hos identitetsleverantören.')
      .max(500),
    issuer: z.url('Ange utfärdarens adress.').optional(),
  })
  .strict();

export const loginQuery = z.object({ next: z.string().max(2000).optional() });
