import { z } from 'zod';
import { permissions, roles } from '../core/access.ts';
import { timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { decimalId } from './numbers.ts';

export const grantBody = z
  .object({
    userId: z.number().int().positive(),
    role: z.enum(roles),
    unitId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export const grantParams = eventIdParams.extend({ grantId: decimalId });

const grantSource = z.enum(['manual', 'sso']);

/** A grant in an event's list, with its user's name and address. */
export const grant = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  userEmail: z.string(),
  role: z.enum(roles),
  unitId: z.number().int().nullable(),
  createdAt: timestamp,
  /** 'sso' when the sign-on group mapping gave the role; it follows the groups at each sign-in. */
  source: grantSource,
});
export type Grant = z.infer<typeof grant>;
export type Role = Grant['role'];

export const grantList = z.object({ items: z.array(grant) });

/** A grant as it was stored. */
export const storedGrant = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  eventId: z.number().int(),
  role: z.enum(roles),
  unitId: z.number().int().nullable(),
  createdAt: timestamp,
  source: grantSource,
});
export type StoredGrant = z.infer<typeof storedGrant>;

/** The caller's own roles in an event and what they allow. */
export const myGrants = z.object({
  roles: z.array(z.enum(roles)),
  unitIds: z.array(z.number().int()),
  permissions: z.array(z.enum(permissions)),
});
export type MyGrants = z.infer<typeof myGrants>;
