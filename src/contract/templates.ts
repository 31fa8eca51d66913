import { z } from 'zod';
import { eventIdParams, eventLanguage } from './events.ts';
import { timestamp } from './common.ts';
import {
  type TemplateSection,
  includableKinds,
  sectionKinds,
  templateSectionSchema,
} from './template-sections.ts';
import { decimalId } from './numbers.ts';
import { keyFigureBlock, listBlock } from './block-params.ts';
import { reportSection, seriesKey } from './reports.ts';

export const templateParams = eventIdParams.extend({
  templateId: decimalId,
});

/** How a report's section headings are numbered: not at all, 1, 1.1 …, or A, A.1 …. */
export const sectionNumberings = ['none', 'numbers', 'letters'] as const;
export type SectionNumbering = (typeof sectionNumberings)[number];

/**
 * How a template's reports are named and numbered. The title pattern may use {event},
 * {template}, {number}, {label}, {date}, {week}, {year} and {kind}; a week carries its year
 * when it is not the current one. The labels name each report of a series: the first, each
 * later regular one ({n} is its number in the series, {update} which update it is), the final
 * one and an extra one. Absent section numbering means none.
 */
export const reportIdentity = z
  .object({
    titlePattern: z.string().trim().min(1, 'Ange ett mönster för rubriken.').max(200),
    series: seriesKey,
    labels: z
      .object({
        initial: z.string().trim().min(1).max(60),
        update: z.string().trim().min(1).max(60),
        final: z.string().trim().min(1).max(60),
        extra: z.string().trim().min(1).max(60),
      })
      .strict(),
    sectionNumbering: z.enum(sectionNumberings).optional(),
  })
  .strict();
export type ReportIdentity = z.infer<typeof reportIdentity>;

const DEFAULT_IDENTITIES: Record<z.infer<typeof eventLanguage>, ReportIdentity> = {
  sv: {
    titlePattern: 'Lägesrapport {event}',
    series: 'main',
    labels: { initial: 'Initial', update: 'Uppdatering {n}', final: 'Slutrapport', extra: 'Extra' },
  },
  en: {
    titlePattern: 'Situation report {event}',
    series: 'main',
    labels: { initial: 'Initial', update: 'Update {n}', final: 'Final report', extra: 'Extra' },
  },
};

/** What a template without its own identity gives: a neutral title in the event's language. */
export function defaultIdentity(language: z.infer<typeof eventLanguage> = 'sv'): ReportIdentity {
  return DEFAULT_IDENTITIES[language];
}

export const createTemplateBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    identity: reportIdentity.optional(),
    sections: z.array(templateSectionSchema).min(1, 'En mall behöver minst ett avsnitt.').max(40),
  })
  .strict();

export const updateTemplateBody = createTemplateBody
  .extend({ version: z.number().int().positive() })
  .strict();

/** A template as a file: what export downloads and import reads, checked by the create body. */
export const templateFile = createTemplateBody
  .extend({
    format: z.literal('lagesbild-template', 'Filen är inte en mall från Lägesbild.'),
    formatVersion: z.literal(1, 'Filen har en version av mallformatet som inte stöds.'),
  })
  .strict();
export type TemplateFile = z.infer<typeof templateFile>;

/** The sections being designed, compiled against the event's live data without storing them. */
export const templatePreviewBody = z
  .object({
    sections: z.array(templateSectionSchema).min(1, 'En mall behöver minst ett avsnitt.').max(40),
  })
  .strict();

export const templatePreview = z.object({
  compiledAt: timestamp,
  sections: z.array(
    reportSection.pick({
      key: true,
      parentKey: true,
      level: true,
      title: true,
      kind: true,
      internal: true,
      text: true,
      data: true,
    }),
  ),
});
export type TemplatePreview = z.infer<typeof templatePreview>;

/** A copy keeps its source's identity unless the request gives another. */
export const copyTemplateBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    identity: reportIdentity.optional(),
  })
  .strict();

/** A section as the server sends it back: what was stored, without the input's rules. */
const templateSectionAnswer: z.ZodType<TemplateSection> = z.lazy(() =>
  z.object({
    key: z.string(),
    title: z.string(),
    kind: z.enum(sectionKinds),
    internal: z.boolean(),
    includes: z.array(z.enum(includableKinds)),
    text: z.string(),
    children: z.array(templateSectionAnswer),
    unitId: z.number().int().optional(),
    lead: z.boolean().optional(),
    figures: keyFigureBlock.optional(),
    list: listBlock.optional(),
  }),
) as z.ZodType<TemplateSection>;

export const template = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  kind: z.enum(['weekly', 'closing', 'custom']),
  identity: reportIdentity,
  sections: z.array(templateSectionAnswer),
  provenance: z.object({
    createdBy: z.number().int().nullable(),
    createdAt: timestamp,
    updatedBy: z.number().int().nullable(),
    updatedAt: timestamp,
  }),
  version: z.number().int(),
});
export type Template = z.infer<typeof template>;
export const templateList = z.object({ items: z.array(template) });
