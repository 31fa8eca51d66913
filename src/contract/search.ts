import { z } from 'zod';
import { timestamp } from './common.ts';
import { decimalNumber } from './numbers.ts';

export const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'Skriv minst ett sökord.').max(200),
    limit: decimalNumber(1, 100).default(25),
  })
  .strict();

/** One item that matched: what kind of record, which one, and a short excerpt. */
export const searchHit = z.object({
  kind: z.string(),
  id: z.number().int(),
  unitId: z.number().int().nullable(),
  title: z.string(),
  excerpt: z.string(),
  internal: z.boolean(),
  at: timestamp,
  /** A published report's page that anyone may read (/r/<event>/<number>); null otherwise. */
  publishedPath: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResults = z.object({ items: z.array(searchHit) });
export type SearchResults = z.infer<typeof searchResults>;
