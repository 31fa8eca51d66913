import { z } from 'zod';

export const revisionQuery = z
  .object({ version: z.coerce.number().int().positive().optional() })
  .strict();

export const measureReportQuery = z
  .object({
    facility: z.coerce.number().int().positive().optional(),
    period: z
      .string()
      .regex(
        /^\d{4}-(W\d{2}|\d{2}-\d{2})$/,
        'Ange perioden som en vecka (2024-W46) eller en dag (2024-11-12).',
      )
      .optional(),
  })
  .strict();
