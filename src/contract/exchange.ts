import { z } from 'zod';
import { decimalId } from './numbers.ts';

export const revisionQuery = z.object({ version: decimalId.optional() }).strict();

export const measureReportQuery = z
  .object({
    facility: decimalId.optional(),
    period: z
      .string()
      .regex(
        /^\d{4}-(W\d{2}|\d{2}-\d{2})$/,
        'Ange perioden som en vecka (2024-W46) eller en dag (2024-11-12).',
      )
      .optional(),
  })
  .strict();
