import { z } from 'zod';
import { decimalId, decimalNumber } from './numbers.ts';

/** The paging, sorting and filtering every list endpoint accepts. */
export const listQuery = z.object({
  limit: decimalNumber(1, 500).default(50),
  offset: decimalNumber(0).default(0),
  order: z.enum(['asc', 'desc']).default('desc'),
  period: z
    .string()
    .regex(/^\d{4}-(W\d{2}|\d{2}-\d{2})$/, 'Ange en period som 2024-W45 eller 2024-11-05.')
    .optional(),
  unitId: decimalId.optional(),
});

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
