import { z } from 'zod';
import { roles } from '../core/access.ts';
import { timestamp } from './common.ts';
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

/** Whether the region's sign-on is set up and whether passwords still work. */
export const loginOptions = z.object({ sso: z.boolean(), localLogin: z.boolean() });
export type LoginOptions = z.infer<typeof loginOptions>;

/** A group at the identity provider that gives system administration or a role in an event. */
export const groupMapping = z.object({
  id: z.number().int(),
  groupValue: z.string(),
  systemAdmin: z.boolean(),
  eventId: z.number().int().nullable(),
  role: z.enum(roles).nullable(),
  unitId: z.number().int().nullable(),
  createdAt: timestamp,
});
export type GroupMapping = z.infer<typeof groupMapping>;

export const groupMappingList = z.object({ items: z.array(groupMapping) });

/** An account's identity at the provider, with the account's name and address. */
export const linkedIdentity = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  userEmail: z.string(),
  issuer: z.string(),
  subject: z.string(),
  createdAt: timestamp,
  lastLoginAt: timestamp.nullable(),
});
export type LinkedIdentity = z.infer<typeof linkedIdentity>;

export const linkedIdentityList = z.object({ items: z.array(linkedIdentity) });

/** An identity link as it was stored. */
export const storedIdentity = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  issuer: z.string(),
  subject: z.string(),
  /** Whether the group mapping gave the account system administration (taken back with the group). */
  adminFromSso: z.boolean(),
  createdAt: timestamp,
  lastLoginAt: timestamp.nullable(),
});
export type StoredIdentity = z.infer<typeof storedIdentity>;

/** The browser is sent on (to the provider, or back into the app). */
export const redirect = z.null().describe('A redirect; see the Location header.');
