import { z } from 'zod';
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
  })
  .strict();

export type SetReadinessInput = z.infer<typeof setReadinessBody>;
