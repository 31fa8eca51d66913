import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { decimalId } from './numbers.ts';

const title = z.string().trim().min(1, 'Ange en rubrik för milstolpen.').max(200);
const description = z.string().max(5_000);
const date = z.iso.date('Ange ett datum som 2025-02-18.');
const version = z.number().int().positive();

export const milestoneParams = eventIdParams.extend({
  milestoneId: decimalId,
});

export const createMilestoneBody = z
  .object({
    title,
    description: description.default(''),
    plannedOn: date,
    internal: z.boolean().default(false),
  })
  .strict();

export const updateMilestoneBody = z
  .object({
    version,
    title: title.optional(),
    description: description.optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const reachMilestoneBody = z
  .object({ version, reachedAt: z.iso.datetime({ offset: true }).optional() })
  .strict();

export const moveMilestoneBody = z
  .object({
    version,
    plannedOn: date,
    reason: z.string().trim().min(1, 'Ange varför milstolpen flyttas.').max(5_000),
    decisionId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export const milestoneStates = ['upcoming', 'reached', 'moved'] as const;
export const milestoneChangeKinds = ['created', 'moved', 'reached'] as const;

export const milestone = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  title: z.string(),
  description: z.string(),
  plannedOn: z.string(),
  originalOn: z.string(),
  state: z.enum(milestoneStates),
  reachedAt: timestamp.nullable(),
});
export type Milestone = z.infer<typeof milestone>;
export type MilestoneState = Milestone['state'];

export const milestoneList = z.object({ items: z.array(milestone) });
export type MilestoneList = z.infer<typeof milestoneList>;

export const milestoneChange = z.object({
  id: z.number().int(),
  kind: z.enum(milestoneChangeKinds),
  previousOn: z.string().nullable(),
  newOn: z.string().nullable(),
  reason: z.string(),
  decisionId: z.number().int().nullable(),
  changedBy: z.number().int().nullable(),
  changedAt: timestamp,
  decision: z.object({ decidedAt: timestamp, forum: z.string(), text: z.string() }).nullable(),
});
export type MilestoneChange = z.infer<typeof milestoneChange>;

export const milestoneWithHistory = milestone.extend({ history: z.array(milestoneChange) });
export type MilestoneWithHistory = z.infer<typeof milestoneWithHistory>;
