import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

export const diversionCategories = ['walk_in', 'ambulance', 'secondary_transport'] as const;
export type DiversionCategory = (typeof diversionCategories)[number];

const id = decimalId;
const instant = z.iso.datetime({ offset: true });

export const eventParams = z.object({ eventId: id });
export const diversionParams = z.object({ eventId: id, diversionId: id });

const categories = z
  .array(z.enum(diversionCategories))
  .min(1, 'Ange minst ett flöde som styrs om.')
  .refine((list) => new Set(list).size === list.length, 'Ange varje flöde bara en gång.');
const redirectedTo = z
  .string()
  .trim()
  .min(1, 'Ange vart patienterna hänvisas.')
  .max(500, 'Högst 500 tecken.');
const note = z.string().max(5_000, 'Högst 5 000 tecken.');
const decisionId = z.number().int().positive().nullable();

export const createDiversionBody = z
  .object({
    facilityId: z.number().int().positive(),
    categories,
    redirectedTo,
    startsAt: instant,
    endsAt: instant.nullable().default(null),
    decisionId: decisionId.default(null),
    note: note.default(''),
    internal: z.boolean().default(false),
    source: z.string().trim().min(1).max(200).default('manual'),
  })
  .strict();

export const updateDiversionBody = z
  .object({
    version: z.number().int().positive(),
    categories: categories.optional(),
    redirectedTo: redirectedTo.optional(),
    startsAt: instant.optional(),
    endsAt: instant.nullable().optional(),
    decisionId: decisionId.optional(),
    note: note.optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const endDiversionBody = z
  .object({
    version: z.number().int().positive(),
    endsAt: instant.optional(),
  })
  .strict();

export const diversionListQuery = listQuery.extend({
  state: z.enum(['current', 'ended', 'all']).default('all'),
  /** The moment "current" and "ended" are judged at; now by default. */
  at: instant.optional(),
  facilityId: id.optional(),
});

export const diversionExportQuery = diversionListQuery.omit({ limit: true, offset: true });

export const boardQuery = z.object({ at: instant.optional() });

export type CreateDiversionInput = z.infer<typeof createDiversionBody>;
export type UpdateDiversionInput = z.infer<typeof updateDiversionBody>;
export type EndDiversionInput = z.infer<typeof endDiversionBody>;

export const diversion = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  facilityId: z.number().int(),
  categories: z.array(z.enum(diversionCategories)),
  redirectedTo: z.string(),
  startsAt: timestamp,
  endsAt: timestamp.nullable(),
  decisionId: z.number().int().nullable(),
  note: z.string(),
});
export type Diversion = z.infer<typeof diversion>;

export const diversionPage = pageOf(diversion);

export const diversionBoardItem = z.object({
  facilityId: z.number().int(),
  facilityCode: z.string(),
  facilityName: z.string(),
  unitId: z.number().int(),
  diverting: z.boolean(),
  categories: z.array(z.enum(diversionCategories)),
  /** When the earliest diversion still in force began; null when not diverting. */
  since: timestamp.nullable(),
  redirectedTo: z.array(z.string()),
  diversions: z.array(diversion),
});
export type DiversionBoardItem = z.infer<typeof diversionBoardItem>;

export const diversionBoard = z.object({ at: timestamp, items: z.array(diversionBoardItem) });
export type DiversionBoard = z.infer<typeof diversionBoard>;
