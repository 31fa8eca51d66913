import { z } from 'zod';
import { timestamp } from './common.ts';
import { decimalId, decimalNumber } from './numbers.ts';

export const auditQuery = z
  .object({
    action: z.string().max(100).optional(),
    entityType: z.string().max(100).optional(),
    entityId: z.string().max(100).optional(),
    actorUserId: decimalId.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: decimalNumber(1, 500).default(100),
    beforeId: decimalId.optional(),
  })
  .strict();

export const auditRecord = z.object({
  id: z.number().int(),
  at: timestamp,
  actorUserId: z.number().int().nullable(),
  actor: z.string(),
  eventId: z.number().int().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The record as it was before and after, as stored (null when there was none). */
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof auditRecord>;

/** Newest first; `nextBeforeId` asks for the next page (null on the last). */
export const auditPage = z.object({
  items: z.array(auditRecord),
  nextBeforeId: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;
