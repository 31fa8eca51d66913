import { z } from 'zod';
import { timestamp } from './common.ts';
import { decimalId } from './numbers.ts';
import { eventUnitsSetup } from './event-units.ts';
import { periodSetup } from './events.ts';
import { returnFormSetup } from './return-forms.ts';
import { scalesSetup } from './scales.ts';
import { templateSectionSchema } from './template-sections.ts';
import { reportIdentity } from './templates.ts';

/**
 * An event's shape without its content: what a new event starts from. A set-up names units by
 * their code, never by a database id, so that a file moves between installations. A part left
 * out gives the new event Lägesbild's default for it; an exported set-up holds every part.
 */
export const setupFormat = 'lagesbild.event-setup';

export const reportTemplateSetup = z
  .object({
    name: z.string().trim().min(1, 'Ange mallens namn.').max(200),
    kind: z.enum(['weekly', 'closing', 'custom']),
    /** Absent: the default identity in the event's language ("Lägesrapport <event>", series "main"). */
    identity: reportIdentity.optional(),
    sections: z.array(templateSectionSchema).min(1, 'En mall behöver minst ett avsnitt.').max(40),
  })
  .strict();
export type ReportTemplateSetup = z.infer<typeof reportTemplateSetup>;

export const eventRulesSetup = z
  .object({
    fourEyes: z.boolean(),
  })
  .strict();

export const eventSetup = z
  .object({
    format: z.literal(
      setupFormat,
      `Filen är ingen uppsättning (format ska vara "${setupFormat}").`,
    ),
    formatVersion: z.literal(1, 'Filen har en version av formatet som Lägesbild inte kan läsa.'),
    name: z.string().trim().min(1, 'Ange uppsättningens namn.').max(200),
    description: z.string().max(2000).default(''),
    rules: eventRulesSetup,
    period: periodSetup.optional(),
    units: eventUnitsSetup.optional(),
    scales: scalesSetup.optional(),
    returnForm: returnFormSetup.optional(),
    reportTemplates: z
      .array(reportTemplateSetup)
      .min(1, 'En uppsättning behöver minst en rapportmall.')
      .max(20, 'En uppsättning får ha högst 20 rapportmallar.'),
  })
  .strict();
export type EventSetup = z.infer<typeof eventSetup>;
/** A set-up as a file or a client writes it: fields with a default may be left out. */
export type EventSetupInput = z.input<typeof eventSetup>;

export const setupIdParams = z.object({ setupId: decimalId });

export const importSetupBody = z.object({ setup: eventSetup }).strict();

export const saveEventSetupBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    description: z.string().max(2000).default(''),
  })
  .strict();

export const updateSetupBody = z
  .object({ version: z.number().int().positive(), setup: eventSetup })
  .strict();

export const deleteSetupQuery = z.object({ version: decimalId });

export const setupSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  templateNames: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int(),
});
export type SetupSummary = z.infer<typeof setupSummary>;

export const setupList = z.object({ items: z.array(setupSummary) });

export const setupDetail = setupSummary.extend({ setup: eventSetup });
export type SetupDetail = z.infer<typeof setupDetail>;
