import { z } from 'zod';
import { eventIdParams } from './events.ts';
import { decimalId } from './numbers.ts';

export const reportParams = eventIdParams.extend({ reportId: decimalId });
export const sectionParams = reportParams.extend({ sectionId: decimalId });
export const numberParams = eventIdParams.extend({ number: decimalId });

export const startReportBody = z
  .object({
    kind: z.enum(['regular', 'extra', 'final']).default('regular'),
    templateId: z.number().int().positive().optional(),
  })
  .strict();

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
