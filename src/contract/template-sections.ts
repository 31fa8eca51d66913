import { z } from 'zod';
import { type KeyFigureBlock, type ListBlock, keyFigureBlock, listBlock } from './block-params.ts';

/** What fills a section: text people write, or data drawn from the live picture. */
export const sectionKinds = [
  'text',
  'unit_situations',
  'decisions',
  'milestones',
  'actions',
  'diversions',
  'key_figures',
  'risks',
  'communication',
  'media',
  'spokespersons',
  'links',
  'about',
  'log',
  'readiness',
] as const;
export type TemplateSectionKind = (typeof sectionKinds)[number];

/** Data a text section can carry below its text, e.g. the diversions under "Tillgång till vård". */
export const includableKinds = [
  'decisions',
  'milestones',
  'actions',
  'diversions',
  'key_figures',
  'risks',
  'communication',
  'media',
  'spokespersons',
  'log',
  'readiness',
] as const;
export type IncludableKind = (typeof includableKinds)[number];

export interface TemplateSection {
  key: string;
  /** May use {event}, {week}, {year}, and in unit_situations {unit} and {unit:genitive}. */
  title: string;
  kind: TemplateSectionKind;
  internal: boolean;
  includes: IncludableKind[];
  /** Fixed text for 'about' sections, and the starting text of new text sections. */
  text: string;
  children: TemplateSection[];
  /** A text section that is the report's lead summary, shown first and marked as such. */
  lead?: boolean;
  /** What a key-figure block shows (a key_figures section, or a text section including one). */
  figures?: KeyFigureBlock;
  /** Columns and filters of a record list (decisions, actions, risks, diversions, log, …). */
  list?: ListBlock;
  /** Set only in a report's own copy, for the subsection of one unit's situation. */
  unitId?: number;
}

const sectionKey = z
  .string()
  .regex(/^[a-z0-9_-]{1,60}$/, 'Nyckeln får bara innehålla a–z, 0–9, - och _.');

export const templateSectionSchema: z.ZodType<TemplateSection> = z.lazy(() =>
  z
    .object({
      key: sectionKey,
      title: z.string().trim().min(1, 'Ange en rubrik.').max(200),
      kind: z.enum(sectionKinds),
      internal: z.boolean().default(false),
      includes: z.array(z.enum(includableKinds)).max(8).default([]),
      text: z.string().max(20_000).default(''),
      children: z.array(templateSectionSchema).max(40).default([]),
      lead: z.boolean().optional(),
      figures: keyFigureBlock.optional(),
      list: listBlock.optional(),
    })
    .strict(),
) as z.ZodType<TemplateSection>;

export function flattenSections(sections: TemplateSection[], level = 1) {
  const flat: { section: TemplateSection; level: number; parentKey: string | null }[] = [];
  const visit = (list: TemplateSection[], depth: number, parentKey: string | null) => {
    for (const section of list) {
      flat.push({ section, level: depth, parentKey });
      visit(section.children, depth + 1, section.key);
    }
  };
  visit(sections, level, null);
  return flat;
}

/** Section keys must be unique in a template, since drafts carry text over by key. */
export function duplicateKeys(sections: TemplateSection[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { section } of flattenSections(sections)) {
    if (seen.has(section.key)) duplicates.add(section.key);
    seen.add(section.key);
  }
  return [...duplicates];
}
