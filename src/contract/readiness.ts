import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { decimalId, decimalNumber } from './numbers.ts';

export const readinessLevels = [
  'normal',
  'stabsläge',
  'förstärkningsläge',
  'katastrofläge',
] as const;
export type ReadinessLevel = (typeof readinessLevels)[number];

export const readinessParams = z.object({ eventId: decimalId });

export const unitReadinessParams = readinessParams.extend({
  unitId: decimalId,
});

export const readinessQuery = z.object({
  historyLimit: decimalNumber(1, 500).default(50),
});

export const setReadinessBody = z
  .object({
    /** The version of the scope's current level the caller saw; 0 when none was ever set. */
    version: z.number().int().min(0),
    level: z.enum(readinessLevels),
    reason: z.string().trim().min(1, 'Ange varför nivån ändras.').max(2000),
    changedAt: z.iso.datetime({ offset: true }).optional(),
    internal: z.boolean().default(false),
    /** The decision behind the change, a decision of the same event. */
    decisionId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export type SetReadinessInput = z.infer<typeof setReadinessBody>;
/** The body of a change as a client writes it: fields with a default may be left out. */
export type ReadinessInput = z.input<typeof setReadinessBody>;

const changedBy = z.object({ id: z.number().int(), name: z.string().nullable() }).nullable();

/** One change of a readiness level, as the history keeps it. */
export const readinessChange = recorded.extend({
  id: z.number().int(),
  unitId: z.number().int().nullable(),
  level: z.enum(readinessLevels),
  reason: z.string(),
  changedBy,
  changedAt: timestamp,
  /** The decision behind the change; null when none is linked or the reader may not see it. */
  decision: z
    .object({ id: z.number().int(), decidedAt: timestamp, forum: z.string(), text: z.string() })
    .nullable(),
});
export type ReadinessChange = z.infer<typeof readinessChange>;

/** The level in force for one scope; version 0 and level 'normal' when none was ever set. */
export const readinessState = z.object({
  level: z.enum(readinessLevels),
  since: timestamp.nullable(),
  reason: z.string().nullable(),
  changedBy,
  version: z.number().int(),
});
export type ReadinessState = z.infer<typeof readinessState>;

export const readinessOverview = z.object({
  event: readinessState,
  units: z.array(
    readinessState.extend({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      /** The unit's short name: what the dashboard shows, its full name beside it for assistive tech. */
      shortName: z.string(),
      /** The unit's level in the event's hierarchy, 0 at the top. */
      depth: z.number().int(),
    }),
  ),
  history: z.array(readinessChange),
});
export type ReadinessOverview = z.infer<typeof readinessOverview>;
