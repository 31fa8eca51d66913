import { z } from 'zod';
import { eventIdParams } from './events.ts';
import { timestamp } from './common.ts';
import {
  type TemplateSection,
  includableKinds,
  sectionKinds,
  templateSectionSchema,
} from './template-sections.ts';
import { decimalId } from './numbers.ts';

export const templateParams = eventIdParams.extend({
  templateId: decimalId,
});

export const createTemplateBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    sections: z.array(templateSectionSchema).min(1, 'En mall behöver minst ett avsnitt.').max(40),
  })
  .strict();

export const updateTemplateBody = createTemplateBody
  .extend({ version: z.number().int().positive() })
  .strict();

export const copyTemplateBody = z
  .object({ name: z.string().trim().min(1, 'Ange ett namn.').max(200) })
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
  }),
) as z.ZodType<TemplateSection>;

export const template = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  kind: z.enum(['weekly', 'closing', 'custom']),
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
