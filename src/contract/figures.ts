import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

const id = decimalId;
const instant = z.iso.datetime({ offset: true });
const threshold = z.number().finite().nullable();

export const eventParams = z.object({ eventId: id });
export const figureParams = z.object({ eventId: id, figureId: id });
export const unitParams = z.object({ eventId: id, unitId: id });

export const figureKey = z
  .string()
  .trim()
  .min(1, 'Ange en nyckel.')
  .max(60, 'Nyckeln får ha högst 60 tecken.')
  .regex(
    /^[a-z0-9åäö]+(-[a-z0-9åäö]+)*$/,
    'Nyckeln får bara innehålla små bokstäver, siffror och bindestreck, t.ex. beläggningsgrad.',
  );

/**
 * What a figure can mean to the exchange formats: the occupancy of inpatient beds in per cent and
 * the number of staffed beds (EDXL-HAVE's bed capacity). At most one figure per meaning in an event.
 */
export const figureExchangeMeanings = ['bed_occupancy_percent', 'staffed_beds'] as const;
export type FigureExchangeMeaning = (typeof figureExchangeMeanings)[number];
const exchangeMeaning = z.enum(figureExchangeMeanings).nullable();

export const createFigureBody = z
  .object({
    key: figureKey,
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    unitOfMeasure: z.string().trim().max(20).default(''),
    higherIsWorse: z.boolean().default(true),
    yellowThreshold: threshold.default(null),
    redThreshold: threshold.default(null),
    internal: z.boolean().default(false),
    exchangeMeaning: exchangeMeaning.default(null),
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
    exchangeMeaning: exchangeMeaning.optional(),
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

export const figure = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  key: z.string(),
  name: z.string(),
  unitOfMeasure: z.string(),
  higherIsWorse: z.boolean(),
  yellowThreshold: z.number().nullable(),
  redThreshold: z.number().nullable(),
  exchangeMeaning,
});
export type Figure = z.infer<typeof figure>;

export const figurePage = pageOf(figure);

export const observation = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  figureId: z.number().int(),
  value: z.number(),
  observedAt: timestamp,
  unitId: z.number().int().nullable(),
  facilityId: z.number().int().nullable(),
});
export type Observation = z.infer<typeof observation>;

export const observationPage = pageOf(observation);

/** Where a figure stands against its yellow and red thresholds. */
export const figureStatuses = ['green', 'yellow', 'red'] as const;
export type FigureStatus = (typeof figureStatuses)[number];
const statusColor = z.enum(figureStatuses);

/** One place's latest value in a period; name is null for the region as a whole. */
export const placeValue = z.object({
  /** "unit:3", "facility:7" or "region". */
  place: z.string(),
  name: z.string().nullable(),
  value: z.number(),
  observedAt: timestamp,
  status: statusColor.nullable(),
});
export type PlaceValue = z.infer<typeof placeValue>;

/**
 * A period of a figure: each place's latest value, and the figure's value (the sum of those for
 * a count, one place's value as it is), null when the places' values do not add up.
 */
export const seriesBucket = z.object({
  period: z.string(),
  start: timestamp,
  end: timestamp,
  /** How many observations fall in the period. */
  count: z.number().int(),
  places: z.array(placeValue),
  value: z.number().nullable(),
  status: statusColor.nullable(),
  /** The value minus that of the period just before, when both exist and have the same places. */
  change: z.number().nullable(),
});
export type SeriesBucket = z.infer<typeof seriesBucket>;

export const series = z.object({
  figure,
  granularity: z.enum(['week', 'day']),
  buckets: z.array(seriesBucket),
  /** The last bucket's change. */
  change: z.number().nullable(),
});
export type Series = z.infer<typeof series>;

export const csvProblem = z.object({
  /** The line in the file, counting the header as line 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type CsvProblem = z.infer<typeof csvProblem>;

export const importPreview = z.object({
  separator: z.enum([',', ';']),
  rows: z.array(
    z.object({
      row: z.number().int(),
      figureId: z.number().int(),
      figureKey: z.string(),
      value: z.number(),
      observedAt: timestamp,
      place: z.string().nullable(),
      unitId: z.number().int().nullable(),
      facilityId: z.number().int().nullable(),
      source: z.string().nullable(),
    }),
  ),
  errors: z.array(csvProblem),
  valid: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  source: z.string(),
  imported: z.number().int(),
  observationIds: z.array(z.number().int()),
});
export type ImportResult = z.infer<typeof importResult>;

export const pushResult = z.object({
  results: z.array(z.object({ clientKey: z.string(), observationId: z.number().int() })),
  created: z.number().int(),
  alreadyStored: z.number().int(),
});
export type PushResult = z.infer<typeof pushResult>;
