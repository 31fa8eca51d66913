import { z } from 'zod';

/** An instant as the server stores and sends it: an ISO-8601 string in UTC. */
export const timestamp = z.string();

/** Who recorded an item and when, and who changed it last. */
export const provenance = z.object({
  createdBy: z.number().int().nullable(),
  createdAt: timestamp,
  source: z.string(),
  updatedBy: z.number().int().nullable(),
  updatedAt: timestamp,
});
export type Provenance = z.infer<typeof provenance>;

/** The fields every item of the staff's records carries. */
export const recorded = z.object({
  internal: z.boolean(),
  provenance,
  version: z.number().int(),
});

/** The answer of a route that sends a file (CSV, PDF, Word, XML, calendar) rather than JSON. */
export const fileResponse = z.string().describe('A file; see the content type.');

/** The answer of a route that answers "done" with no body. */
export const noContent = z.null().describe('No content.');
