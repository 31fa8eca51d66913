import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

export const actionStates = ['open', 'in_progress', 'done', 'cancelled'] as const;

const instant = z.iso.datetime({ offset: true });
const text = z.string().trim().min(1, 'Beskriv åtgärden.').max(5_000);
const ownerName = z.string().trim().min(1, 'Ange ett namn.').max(200).nullable();
const ownerUnitId = z.number().int().positive().nullable();
const dueAt = instant.nullable();
const decisionId = z.number().int().positive().nullable();
const meetingId = z.number().int().positive().nullable();
const handoverTo = z.string().trim().min(1, 'Ange vem som tar över åtgärden.').max(200).nullable();

export const actionParams = eventIdParams.extend({ actionId: decimalId });

export const actionListQuery = listQuery.extend({
  order: z.enum(['asc', 'desc']).default('asc'),
  state: z.enum(actionStates).optional(),
  overdue: z
    .enum(['true', 'false'], 'Ange true eller false.')
    .transform((value) => value === 'true')
    .optional(),
  decisionId: decimalId.optional(),
});

export const actionExportQuery = actionListQuery.omit({ limit: true, offset: true });

export const createActionBody = z
  .object({
    text,
    ownerName: ownerName.default(null),
    ownerUnitId: ownerUnitId.default(null),
    dueAt: dueAt.default(null),
    state: z.enum(actionStates).default('open'),
    decisionId: decisionId.default(null),
    meetingId: meetingId.default(null),
    handoverTo: handoverTo.optional(),
    internal: z.boolean().default(false),
  })
  .strict();

export const updateActionBody = z
  .object({
    version: z.number().int().positive(),
    text: text.optional(),
    ownerName: ownerName.optional(),
    ownerUnitId: ownerUnitId.optional(),
    dueAt: dueAt.optional(),
    state: z.enum(actionStates).optional(),
    decisionId: decisionId.optional(),
    meetingId: meetingId.optional(),
    handoverTo: handoverTo.optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const action = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  text: z.string(),
  owner: z.object({ name: z.string().nullable(), unitId: z.number().int().nullable() }),
  dueAt: timestamp.nullable(),
  state: z.enum(actionStates),
  overdue: z.boolean(),
  decisionId: z.number().int().nullable(),
  meetingId: z.number().int().nullable(),
  handoverTo: z.string().nullable(),
});
export type Action = z.infer<typeof action>;
export type ActionState = Action['state'];

export const actionPage = pageOf(action);

export const actionSummary = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  next: z.array(action),
});
export type ActionSummary = z.infer<typeof actionSummary>;
