import { z } from 'zod';
import { timestamp } from './common.ts';
import { decimalId } from './numbers.ts';

export const eventIdParams = z.object({ eventId: decimalId });

export const createEventBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    description: z.string().max(20_000).default(''),
    background: z.string().max(20_000).default(''),
    isExercise: z.boolean().default(false),
    periodGranularity: z.enum(['week', 'day']).default('week'),
    fourEyes: z.boolean().default(true),
    activatedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const updateEventBody = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200).optional(),
    description: z.string().max(20_000).optional(),
    background: z.string().max(20_000).optional(),
    isExercise: z.boolean().optional(),
    periodGranularity: z.enum(['week', 'day']).optional(),
    fourEyes: z.boolean().optional(),
  })
  .strict();

export const event = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  background: z.string(),
  isExercise: z.boolean(),
  state: z.enum(['active', 'closed']),
  periodGranularity: z.enum(['week', 'day']),
  fourEyes: z.boolean(),
  unitlessLabel: z.string(),
  activatedAt: timestamp,
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int(),
});
export type Event = z.infer<typeof event>;

export const eventList = z.object({ items: z.array(event) });
