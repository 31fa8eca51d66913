import { z } from 'zod';

const version = z.number().int().positive();

export const closeEventBody = z
  .object({
    version,
    closedAt: z.iso.datetime({ offset: true }).optional(),
    override: z.boolean().default(false),
    reason: z.string().trim().max(5_000).default(''),
  })
  .strict();

export const reopenEventBody = z
  .object({
    version,
    reason: z.string().trim().min(1, 'Ange varför händelsen öppnas igen.').max(5_000),
  })
  .strict();

export const checklistKeys = [
  'final_report',
  'actions_handed_over',
  'diversions_ended',
  'readiness_normal',
  'distribution_told',
] as const;

export const checklistItem = z.object({
  key: z.enum(checklistKeys),
  ok: z.boolean(),
  /** What is missing, in words a person understands; null when the item is ok. */
  missing: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;
export type ChecklistKey = ChecklistItem['key'];

export const closingChecklist = z.object({ items: z.array(checklistItem), ready: z.boolean() });
export type ClosingChecklist = z.infer<typeof closingChecklist>;
