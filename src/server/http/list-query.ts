import { z } from 'zod';

/** The paging, sorting and filtering every list endpoint accepts. */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(['asc', 'desc']).default('desc'),
  period: z
    .string()
    .regex(/^\d{4}-(W\d{2}|\d{2}-\d{2})$/, 'Ange en period som 2024-W45 eller 2024-11-05.')
    .optional(),
  unitId: z.coerce.number().int().positive().optional(),
});

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
