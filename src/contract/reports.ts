import { z } from 'zod';
import type { Block } from '../core/report-snapshot.ts';
import { eventIdParams } from './events.ts';
import { timestamp } from './common.ts';
import { decimalId } from './numbers.ts';

export const reportParams = eventIdParams.extend({ reportId: decimalId });
export const sectionParams = reportParams.extend({ sectionId: decimalId });
export const numberParams = eventIdParams.extend({ number: decimalId });

export const startReportBody = z
  .object({
    kind: z.enum(['regular', 'extra', 'final']).default('regular'),
    templateId: z.number().int().positive().optional(),
    /** Continue a series that a final report has closed; the reopening is audited. */
    reopenSeries: z.boolean().optional(),
  })
  .strict();

/** Which numbering a report continues: an event may run several series from the same data. */
export const seriesKey = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/, 'Seriens nyckel får bara innehålla a–z, 0–9, - och _.');

export const seriesParams = eventIdParams.extend({ series: seriesKey });

export const setNextNumberBody = z
  .object({
    nextNumber: z
      .number({ error: 'Ange nästa nummer som ett heltal.' })
      .int('Ange nästa nummer som ett heltal.')
      .positive('Nästa nummer måste vara minst 1.')
      .max(1_000_000),
    /** The version read; absent when the series has no number set yet. */
    version: z.number().int().positive().optional(),
  })
  .strict();

/** One numbering of an event's reports: the number its next report gets, and whether it is closed. */
export const reportSeries = z.object({
  series: z.string(),
  nextNumber: z.number().int(),
  lastNumber: z.number().int().nullable(),
  closedByFinal: z.boolean(),
  /** The version of the set next number; null while the next number follows the last one. */
  version: z.number().int().nullable(),
});
export type ReportSeries = z.infer<typeof reportSeries>;
export const reportSeriesList = z.object({ items: z.array(reportSeries) });

export const saveSectionBody = z
  .object({
    version: z.number().int().positive(),
    text: z.string().max(50_000, 'Texten får ha högst 50 000 tecken.'),
    internal: z.boolean().optional(),
  })
  .strict();

export const versionBody = z.object({ version: z.number().int().positive() }).strict();

export const returnBody = z
  .object({
    version: z.number().int().positive(),
    comment: z.string().trim().min(1, 'Skriv vad som behöver ändras.').max(5000),
  })
  .strict();

const reportKind = z.enum(['regular', 'extra', 'final']);
const reportState = z.enum(['draft', 'in_review', 'approved', 'published']);
const audience = z.enum(['public', 'internal']);

const tableColumn = z.object({ label: z.string(), align: z.enum(['left', 'right']) });
const chartSpec = z.object({
  title: z.string(),
  unitOfMeasure: z.string(),
  labels: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  thresholds: z.object({ yellow: z.number().optional(), red: z.number().optional() }).optional(),
  decimals: z.number().int().min(0).max(3).optional(),
});

/** One block of a section's data (core/report-snapshot.ts `Block`). */
export const block: z.ZodType<Block> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('markdown'), markdown: z.string() }),
  z.object({ type: z.literal('bullets'), items: z.array(z.string()) }),
  z.object({
    type: z.literal('table'),
    caption: z.string().optional(),
    columns: z.array(tableColumn),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal('chart'), chart: chartSpec }),
  z.object({ type: z.literal('notice'), text: z.string() }),
  z.object({
    type: z.literal('links'),
    items: z.array(z.object({ label: z.string(), url: z.string() })),
  }),
  z.object({
    type: z.literal('levels'),
    items: z.array(
      z.object({
        label: z.string(),
        level: z.object({ name: z.string(), colour: z.string(), symbol: z.string() }),
      }),
    ),
  }),
]);

export const reportSummary = z.object({
  id: z.number().int(),
  number: z.number().int(),
  revision: z.number().int(),
  kind: reportKind,
  series: z.string(),
  seriesNumber: z.number().int(),
  title: z.string(),
  state: reportState,
  templateId: z.number().int(),
  periodStart: timestamp,
  compiledAt: timestamp,
  correctsReportId: z.number().int().nullable(),
  returnComment: z.string().nullable(),
  approvedBy: z.number().int().nullable(),
  approvedAt: timestamp.nullable(),
  publishedAt: timestamp.nullable(),
  version: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummary>;
export type ReportKind = ReportSummary['kind'];
export type ReportState = ReportSummary['state'];

export const reportList = z.object({ items: z.array(reportSummary) });

export const reportSection = z.object({
  id: z.number().int(),
  key: z.string(),
  parentKey: z.string().nullable(),
  level: z.number().int(),
  title: z.string(),
  kind: z.string(),
  internal: z.boolean(),
  text: z.string(),
  data: z.object({ public: z.array(block), internal: z.array(block) }),
  refreshedAt: timestamp.nullable(),
  updatedAt: timestamp,
  updatedBy: z.string().nullable(),
  version: z.number().int(),
});
export type ReportSection = z.infer<typeof reportSection>;

export const sectionChange = z.union([
  z.object({
    key: z.string(),
    title: z.string(),
    change: z.enum(['added', 'removed', 'unchanged']),
  }),
  z.object({
    key: z.string(),
    title: z.string(),
    change: z.literal('changed'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
]);
export type SectionChange = z.infer<typeof sectionChange>;

export const reportDetail = reportSummary.extend({
  authors: z.array(z.string()),
  sections: z.array(reportSection),
  changes: z.object({
    previousReportId: z.number().int().nullable(),
    sections: z.array(sectionChange),
  }),
});
export type ReportDetail = z.infer<typeof reportDetail>;

/** What a report should not leave the staff with unnoticed; a warning, never a refusal. */
export const reportWarning = z.object({
  code: z.enum([
    'empty_section',
    'unit_not_reported',
    'old_unit_data',
    'old_key_figure',
    'series_closed',
  ]),
  message: z.string(),
  sectionKey: z.string().optional(),
});
export type ReportWarning = z.infer<typeof reportWarning>;
export const reportChecks = z.object({ items: z.array(reportWarning) });

export const recipient = z.object({ email: z.string(), audience });
export type Recipient = z.infer<typeof recipient>;
export const recipientList = z.object({ items: z.array(recipient) });

export const archiveQuery = z.object({ q: z.string().max(200).optional() });

export const archiveItem = z.object({
  number: z.number().int(),
  revision: z.number().int(),
  kind: reportKind,
  title: z.string(),
  compiledAt: timestamp,
  publishedAt: timestamp,
  contentHash: z.string(),
  correctsReportId: z.number().int().nullable(),
  links: z.object({
    public: z.string(),
    internal: z.string().nullable(),
    pdf: z.string(),
    docx: z.string(),
    markdown: z.string(),
  }),
});
export type ArchiveItem = z.infer<typeof archiveItem>;
export const archive = z.object({ items: z.array(archiveItem), feed: z.string() });
export type Archive = z.infer<typeof archive>;
