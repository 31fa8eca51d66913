import { z } from 'zod';

/** The largest id either engine stores (PostgreSQL's integer). */
const largestStored = 2_147_483_647;

/**
 * A whole number in a path or a query string, written in the digits 0–9 only: `0x10`, `1e1`, `016`,
 * `16.0`, `+16` and ` 16` are refused rather than read as 16.
 */
export function decimalNumber(min: number, max = largestStored) {
  return z
    .string()
    .regex(/^(0|[1-9]\d{0,9})$/, 'Ange ett heltal med siffrorna 0–9, utan inledande nollor.')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** The id of a row, in a path or a query string. */
export const decimalId = decimalNumber(1);
