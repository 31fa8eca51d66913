import { z } from 'zod';
import { timestamp } from './common.ts';

/**
 * The answer of the live stream: server-sent events, not JSON. Each `change` event's data is a
 * `liveChange`; a `reload` event asks the client to read everything again.
 */
export const eventStream = z
  .string()
  .describe('A stream of server-sent events (text/event-stream); each change is a liveChange.');

/** What one `change` event of the stream says: which item changed, how, and when. */
export const liveChange = z.object({
  kind: z.string(),
  /** The changed item's id as the audit trail records it (a string). */
  id: z.string(),
  action: z.string(),
  version: z.number().int().nullable(),
  at: timestamp,
});
export type LiveChange = z.infer<typeof liveChange>;
