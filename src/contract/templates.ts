import { z } from 'zod';
import { eventIdParams } from './events.ts';
import { templateSectionSchema } from './template-sections.ts';
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
