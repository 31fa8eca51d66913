import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

const instant = z.iso.datetime({ offset: true });
const text = z.string().trim().min(1, 'Skriv anteckningen.').max(20_000);
const source = z.string().trim().max(300);

export const logEntryParams = eventIdParams.extend({
  entryId: decimalId,
});

export const logListQuery = listQuery.extend({
  from: instant.optional(),
  to: instant.optional(),
  significant: z
    .enum(['true', 'false'], 'Ange true eller false.')
    .transform((value) => value === 'true')
    .optional(),
});

export const logExportQuery = logListQuery.omit({ limit: true, offset: true });

export const createLogEntryBody = z
  .object({
    occurredAt: instant,
    text,
    source: source.default(''),
    significant: z.boolean().default(false),
    internal: z.boolean().default(false),
  })
  .strict();

export const updateLogEntryBody = z
  .object({
    version: z.number().int().positive(),
    occurredAt: instant.optional(),
    text: text.optional(),
    source: source.optional(),
    significant: z.boolean().optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const strikeLogEntryBody = z
  .object({
    version: z.number().int().positive(),
    reason: z.string().trim().min(1, 'Ange varför anteckningen stryks.').max(2_000),
  })
  .strict();

export const logEntry = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  occurredAt: timestamp,
  text: z.string(),
  source: z.string(),
  significant: z.boolean(),
  /** Null until the entry is struck; a struck entry is kept, with who struck it and why. */
  struck: z
    .object({ at: timestamp, by: z.number().int().nullable(), reason: z.string().nullable() })
    .nullable(),
});
export type LogEntry = z.infer<typeof logEntry>;

export const logEntryPage = pageOf(logEntry);
