import { z } from 'zod';
import { listQuery, periodKey } from './list.ts';
import { decimalId } from './numbers.ts';

export const statusColors = ['green', 'yellow', 'red'] as const;
export type StatusColor = (typeof statusColors)[number];
export const prognoses = ['improving', 'unchanged', 'worsening'] as const;
export type Prognosis = (typeof prognoses)[number];
export const situationStates = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SituationState = (typeof situationStates)[number];

export const maxBulletsLength = 10_000;

const version = z.number().int().positive();

export const eventParams = z.object({ eventId: decimalId });

export const situationParams = eventParams.extend({
  situationId: decimalId,
});

export const unitPeriodParams = eventParams.extend({
  unitId: decimalId,
  period: periodKey,
});

export const situationListQuery = listQuery.extend({ state: z.enum(situationStates).optional() });

const status = z.enum(statusColors).nullable().default(null);

const keyFigure = z
  .object({
    name: z.string().trim().min(1, 'Ange nyckeltalets namn.').max(200),
    value: z.number(),
    unit: z.string().trim().max(40).default(''),
  })
  .strict();

/** A PUT replaces the whole draft; `version` is required when the draft already exists. */
export const saveSituationBody = z
  .object({
    version: version.optional(),
    overallStatus: status,
    areas: z
      .object({
        accessToCare: status,
        patientSafety: status,
        staff: status,
        itProgramme: status,
        communication: status,
      })
      .strict()
      .default({
        accessToCare: null,
        patientSafety: null,
        staff: null,
        itProgramme: null,
        communication: null,
      }),
    prognosis: z.enum(prognoses).nullable().default(null),
    bullets: z
      .string()
      .max(maxBulletsLength, `Punkterna får ha högst ${maxBulletsLength} tecken.`)
      .default(''),
    keyFigures: z.array(keyFigure).max(30, 'Ange högst 30 nyckeltal.').default([]),
    internal: z.boolean().default(false),
  })
  .strict();

export const versionBody = z.object({ version }).strict();

export const returnBody = z
  .object({
    version,
    comment: z
      .string({ error: 'Ange en kommentar till enheten.' })
      .trim()
      .min(1, 'Ange en kommentar till enheten.')
      .max(2000),
  })
  .strict();

export const createInputRequestBody = z
  .object({
    period: periodKey,
    deadline: z.iso.datetime({ offset: true }),
    unitIds: z
      .array(z.number().int().positive())
      .min(1, 'Välj minst en enhet.')
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'En enhet får bara anges en gång.'),
  })
  .strict();

export const inputRequestListQuery = listQuery.omit({ unitId: true });

export const optionalPeriodQuery = z.object({ period: periodKey.optional() });

export type SaveSituationInput = z.infer<typeof saveSituationBody>;
export type CreateInputRequestInput = z.infer<typeof createInputRequestBody>;
