import { z } from 'zod';
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
