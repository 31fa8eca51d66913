import { z } from 'zod';
import { timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { decimalId, decimalNumber } from './numbers.ts';
import { pageOf, periodKey } from './list.ts';

/** What a file belongs to: a record of the staff, a unit's situation, or the event's library. */
export const fileOwnerKinds = ['library', 'log_entry', 'decision', 'unit_situation'] as const;
export type FileOwnerKind = (typeof fileOwnerKinds)[number];

/** The kinds of file Lägesbild keeps, detected from their bytes. */
export const fileKinds = [
  'pdf',
  'png',
  'jpeg',
  'gif',
  'webp',
  'docx',
  'xlsx',
  'pptx',
  'doc',
  'xls',
  'ppt',
  'text',
] as const;
export type FileKind = (typeof fileKinds)[number];

export const storedFile = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  ownerKind: z.enum(fileOwnerKinds),
  ownerId: z.number().int().nullable(),
  name: z.string(),
  kind: z.enum(fileKinds),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  internal: z.boolean(),
  uploadedBy: z.number().int().nullable(),
  uploadedByName: z.string().nullable(),
  uploadedAt: timestamp,
});
export type StoredFile = z.infer<typeof storedFile>;

/** A page of files, and the largest file the installation accepts. */
export const filePage = pageOf(storedFile).extend({ maxBytes: z.number().int() });
export type FilePage = z.infer<typeof filePage>;

/** The files of one owner; the library has no owner id. */
export const fileListQuery = z
  .object({
    owner: z.enum(fileOwnerKinds),
    ownerId: decimalId.optional(),
    limit: decimalNumber(1, 500).default(100),
    offset: decimalNumber(0).default(0),
  })
  .refine((query) => (query.owner === 'library') === (query.ownerId === undefined), {
    message: 'Ange ownerId för en post, men inte för dokumentbiblioteket.',
    path: ['ownerId'],
  });

/**
 * An upload sends the file's bytes as the body (any content type; the type is read from the
 * bytes) and names it here.
 */
export const fileUploadQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Ange filens namn.')
    .max(255, 'Filnamnet får vara högst 255 tecken.'),
  internal: z.enum(['true', 'false']).default('false'),
});

export const fileParams = eventIdParams.extend({ fileId: decimalId });
export const logEntryFilesParams = eventIdParams.extend({ entryId: decimalId });
export const logEntryFileParams = logEntryFilesParams.extend({ fileId: decimalId });
export const decisionFilesParams = eventIdParams.extend({ decisionId: decimalId });
export const decisionFileParams = decisionFilesParams.extend({ fileId: decimalId });
export const situationFilesParams = eventIdParams.extend({ unitId: decimalId, period: periodKey });
export const situationFileParams = situationFilesParams.extend({ fileId: decimalId });
