import { z } from 'zod';
import { isPeriodKey } from '../core/time.ts';
import { decimalId, decimalNumber } from './numbers.ts';

/** A week ("2024-W45") or a day ("2024-11-05") that exists in the calendar. */
export const periodKey = z
  .string()
  .regex(/^\d{4}-(W\d{2}|\d{2}-\d{2})$/, 'Ange en period som 2024-W45 eller 2024-11-05.')
  .refine(isPeriodKey, 'Perioden finns inte.');

/** The paging, sorting and filtering every list endpoint accepts. */
export const listQuery = z.object({
  limit: decimalNumber(1, 500).default(50),
  offset: decimalNumber(0).default(0),
  order: z.enum(['asc', 'desc']).default('desc'),
  period: periodKey.optional(),
  unitId: decimalId.optional(),
});

/** The answer of every list endpoint: one page of items and how many there are in all. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
