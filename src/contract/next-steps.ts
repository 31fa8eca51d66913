import { z } from 'zod';
import { timestamp } from './common.ts';

/** A report in review that the caller may approve. */
const approvalWaiting = z.object({
  reportId: z.number().int(),
  title: z.string(),
  compiledAt: timestamp.nullable(),
});

/** A unit's situation the staff sent back to the caller's unit, with what to change. */
const returnToFix = z.object({
  situationId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  period: z.string(),
  comment: z.string().nullable(),
});

/** A pending action past its due time that the caller owns: by name or by their unit. */
const overdueAction = z.object({
  actionId: z.number().int(),
  text: z.string(),
  dueAt: timestamp,
});

/** An input request to the caller's unit that the unit has not yet answered. */
const deadline = z.object({
  requestId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  period: z.string(),
  deadline: timestamp,
});

/** The current period, for which the caller's unit has not reported and no deadline is ahead. */
const missingReport = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  period: z.string(),
  /** The deadline of the period's input request, when there is one (it has then passed). */
  deadline: timestamp.nullable(),
});

/** What the caller must do next in one open event. */
export const eventNextSteps = z.object({
  event: z.object({ id: z.number().int(), name: z.string(), isExercise: z.boolean() }),
  approvals: z.array(approvalWaiting),
  returns: z.array(returnToFix),
  overdueActions: z.array(overdueAction),
  deadlines: z.array(deadline),
  missingReports: z.array(missingReport),
});
export type EventNextSteps = z.infer<typeof eventNextSteps>;

/** The caller's start page: one entry per open event they take part in, with something to do. */
export const nextSteps = z.object({ items: z.array(eventNextSteps) });
export type NextSteps = z.infer<typeof nextSteps>;
