import { z } from 'zod';
import { action } from './actions.ts';
import { recorded, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

const instant = z.iso.datetime({ offset: true });
const forum = z.string().trim().min(1, 'Ange i vilket forum beslutet fattades.').max(200);
const text = z.string().trim().min(1, 'Ange beslutets text.').max(20_000);
const diversionIds = z.array(z.number().int().positive()).max(100);
const meetingId = z.number().int().positive().nullable();

export const decisionParams = eventIdParams.extend({
  decisionId: decimalId,
});

export const decisionListQuery = listQuery.extend({
  from: instant.optional(),
  to: instant.optional(),
  forum: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
});

export const decisionExportQuery = decisionListQuery.omit({ limit: true, offset: true });

export const createDecisionBody = z
  .object({
    decidedAt: instant,
    forum,
    mandate: z.string().max(5_000).default(''),
    text,
    rationale: z.string().max(20_000).default(''),
    effectiveFrom: instant.optional(),
    effectiveTo: instant.nullable().default(null),
    internal: z.boolean().default(false),
    diversionIds: diversionIds.default([]),
    meetingId: meetingId.default(null),
  })
  .strict();

export const updateDecisionBody = z
  .object({
    version: z.number().int().positive(),
    decidedAt: instant.optional(),
    forum: forum.optional(),
    mandate: z.string().max(5_000).optional(),
    text: text.optional(),
    rationale: z.string().max(20_000).optional(),
    effectiveFrom: instant.optional(),
    effectiveTo: instant.nullable().optional(),
    internal: z.boolean().optional(),
    diversionIds: diversionIds.optional(),
    meetingId: meetingId.optional(),
  })
  .strict();

export const decision = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  decidedAt: timestamp,
  forum: z.string(),
  mandate: z.string(),
  text: z.string(),
  rationale: z.string(),
  effectiveFrom: timestamp,
  effectiveTo: timestamp.nullable(),
  diversionIds: z.array(z.number().int()),
  meetingId: z.number().int().nullable(),
});
export type Decision = z.infer<typeof decision>;

export const decisionPage = pageOf(decision);

/** One decision and the actions that carry it out. */
export const decisionWithActions = decision.extend({ actions: z.array(action) });
export type DecisionWithActions = z.infer<typeof decisionWithActions>;
