import { z } from 'zod';
import { listQuery } from './list.ts';
import { decimalId } from './numbers.ts';

const id = decimalId;
const instant = z.iso.datetime({ offset: true });
const threshold = z.number().finite().nullable();

export const eventParams = z.object({ eventId: id });
export const figureParams = z.object({ eventId: id, figureId: id });
export const unitParams = z.object({ eventId: id, unitId: id });

const figureKey = z
  .string()
  .trim()
  .min(1, 'Ange en nyckel.')
  .max(60, 'Nyckeln får ha högst 60 tecken.')
  .regex(
    /^[a-z0-9åäö]+(-[a-z0-9åäö]+)*$/,
    'Nyckeln får bara innehålla små bokstäver, siffror och bindestreck, t.ex. beläggningsgrad.',
  );

export const createFigureBody = z
  .object({
    key: figureKey,
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    unitOfMeasure: z.string().trim().max(20).default(''),
    higherIsWorse: z.boolean().default(true),
    yellowThreshold: threshold.default(null),
    redThreshold: threshold.default(null),
    internal: z.boolean().default(false),
    source: z.string().trim().min(1).max(200).default('manual'),
  })
  .strict();

export const updateFigureBody = z
  .object({
    version: z.number().int().positive(),
    key: figureKey.optional(),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200).optional(),
    unitOfMeasure: z.string().trim().max(20).optional(),
    higherIsWorse: z.boolean().optional(),
    yellowThreshold: threshold.optional(),
    redThreshold: threshold.optional(),
    internal: z.boolean().optional(),
  })
  .strict();

const observationFields = {
  value: z.number().finite(),
  observedAt: instant,
  source: z.string().trim().min(1).max(200).default('manual'),
  internal: z.boolean().default(false),
};

export const createObservationBody = z
  .object({
    ...observationFields,
    unitId: z.number().int().positive().nullable().default(null),
    facilityId: z.number().int().positive().nullable().default(null),
  })
  .strict();

/** A unit reporter's observation: the unit is in the path, the figure is named by its key. */
export const createUnitObservationBody = z
  .object({
    ...observationFields,
    figureKey,
    facilityId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export const figureListQuery = listQuery.omit({ period: true, unitId: true });

export const observationQuery = listQuery.extend({
  from: instant.optional(),
  to: instant.optional(),
  facilityId: id.optional(),
});

export const observationExportQuery = observationQuery.omit({ limit: true, offset: true });

export const seriesQuery = z.object({
  granularity: z.enum(['day', 'week']).default('week'),
  from: instant.optional(),
  to: instant.optional(),
  unitId: id.optional(),
  facilityId: id.optional(),
});

export const importBody = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1, 'Ange filens namn.')
      .max(200, 'Filnamnet får ha högst 200 tecken.'),
    csv: z.string().min(1, 'Filen är tom.').max(900_000, 'Filen är för stor.'),
  })
  .strict();

const pushedObservation = z
  .object({
    clientKey: z
      .string()
      .trim()
      .min(1, 'Ange en klientnyckel för observationen.')
      .max(200, 'Klientnyckeln får ha högst 200 tecken.'),
    figure: z.string().max(200),
    value: z.union([z.number().finite(), z.string().max(40)]),
    observedAt: z.string().max(40),
    unit: z.string().max(60).nullable().default(null),
    source: z.string().max(300).nullable().default(null),
  })
  .strict();

/** A batch from another system; each observation carries the sender's own key for it. */
export const pushBody = z
  .object({
    observations: z
      .array(pushedObservation)
      .min(1, 'Skicka minst en observation.')
      .max(1000, 'Skicka högst 1000 observationer åt gången.'),
  })
  .strict();

export type PushedObservation = z.infer<typeof pushedObservation>;
export type CreateFigureInput = z.infer<typeof createFigureBody>;
export type UpdateFigureInput = z.infer<typeof updateFigureBody>;
export type ObservationInput = z.infer<typeof createObservationBody>;
export type UnitObservationInput = z.infer<typeof createUnitObservationBody>;
