import { z } from 'zod';
import { timestamp } from './common.ts';
import { periodKey } from './list.ts';
import { decimalId } from './numbers.ts';

export const eventIdParams = z.object({ eventId: decimalId });

function knownTimeZone(zone: string): boolean {
  return zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone);
}

export const periodGranularity = z.enum(['week', 'day']);
export const reportCovers = z.enum(['current', 'previous']);
export const eventLanguage = z.enum(['sv', 'en'], 'Välj språk: svenska (sv) eller engelska (en).');
export const timeZone = z
  .string()
  .refine(
    knownTimeZone,
    'Okänd tidszon. Ange en tidszon med dess IANA-namn, till exempel Europe/Stockholm.',
  );
/** The deadline within a period: the weekday (1 = måndag … 7 = söndag; weeks only) and the time. */
export const periodDeadline = z.object({
  weekday: z
    .number()
    .int()
    .min(1, 'Ange veckodag som 1 (måndag) till 7 (söndag).')
    .max(7, 'Ange veckodag som 1 (måndag) till 7 (söndag).'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange klockslaget som TT:MM, till exempel 12:00.'),
});
export type PeriodDeadline = z.infer<typeof periodDeadline>;

/** An event's reporting periods, language and time zone, as a set-up part (issue 19, item 6). */
export const periodSetup = z
  .object({
    granularity: periodGranularity,
    deadline: periodDeadline,
    reportCovers,
    language: eventLanguage,
    timeZone,
  })
  .strict();
export type PeriodSetup = z.infer<typeof periodSetup>;

/** Where a new event takes its shape from: the standard, a set-up of the library, or an event. */
export const eventOrigin = z.discriminatedUnion('from', [
  z.object({ from: z.literal('standard') }).strict(),
  z.object({ from: z.literal('setup'), setupId: z.number().int().positive() }).strict(),
  z.object({ from: z.literal('event'), eventId: z.number().int().positive() }).strict(),
]);
export type EventOrigin = z.infer<typeof eventOrigin>;

export const createEventBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    description: z.string().max(20_000).default(''),
    background: z.string().max(20_000).default(''),
    isExercise: z.boolean().default(false),
    /** Left out, these are the set-up's. */
    periodGranularity: periodGranularity.optional(),
    fourEyes: z.boolean().optional(),
    deadline: periodDeadline.optional(),
    reportCovers: reportCovers.optional(),
    language: eventLanguage.optional(),
    timeZone: timeZone.optional(),
    activatedAt: z.iso.datetime({ offset: true }).optional(),
    origin: eventOrigin.default({ from: 'standard' }),
  })
  .strict();

export const updateEventBody = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200).optional(),
    description: z.string().max(20_000).optional(),
    background: z.string().max(20_000).optional(),
    isExercise: z.boolean().optional(),
    periodGranularity: periodGranularity.optional(),
    fourEyes: z.boolean().optional(),
    deadline: periodDeadline.optional(),
    reportCovers: reportCovers.optional(),
    language: eventLanguage.optional(),
    timeZone: timeZone.optional(),
    /** When the event began; a later activation is not refused, it is the staff's record. */
    activatedAt: z.iso.datetime({ offset: true, error: 'Ange datum och klockslag.' }).optional(),
  })
  .strict();

export const event = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  background: z.string(),
  isExercise: z.boolean(),
  state: z.enum(['active', 'closed']),
  periodGranularity: periodGranularity,
  fourEyes: z.boolean(),
  deadline: periodDeadline,
  reportCovers,
  language: eventLanguage,
  timeZone: z.string(),
  unitlessLabel: z.string(),
  activatedAt: timestamp,
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int(),
});
export type Event = z.infer<typeof event>;

export const eventList = z.object({ items: z.array(event) });

export const periodDataParams = z.object({
  eventId: decimalId,
  period: periodKey,
});

export const setDataAsOfBody = z
  .object({
    dataAsOf: z.iso.datetime({ offset: true, error: 'Ange datum och klockslag.' }),
    /** The version read; absent when the period has no "data as of" yet. */
    version: z.number().int().positive().optional(),
  })
  .strict();
export type SetDataAsOfInput = z.infer<typeof setDataAsOfBody>;

/** The instant the data of one period is from ("Data per 2024-11-05 14:00"). */
export const periodDataAsOf = z.object({
  period: z.string(),
  dataAsOf: timestamp,
  updatedBy: z.number().int().nullable(),
  updatedAt: timestamp,
  version: z.number().int(),
});
export type PeriodDataAsOf = z.infer<typeof periodDataAsOf>;

export const periodDataAsOfList = z.object({ items: z.array(periodDataAsOf) });
