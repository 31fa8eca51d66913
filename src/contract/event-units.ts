import { z } from 'zod';
import { decimalId } from './numbers.ts';
import { unitKinds } from './units.ts';

const unitlessLabel = z
  .string()
  .trim()
  .min(1, 'Ange vad helheten heter, till exempel Regionen.')
  .max(60, 'Namnet på helheten får ha högst 60 tecken.');
const version = z.number().int().positive();
const code = z.string().trim().min(1, 'Ange en kod.').max(40, 'Koden får ha högst 40 tecken.');
const name = z.string().trim().min(1, 'Ange ett namn.').max(200, 'Namnet får ha högst 200 tecken.');
const shortName = z.string().trim().max(40, 'Kortnamnet får ha högst 40 tecken.');

export const eventUnitParams = z.object({ eventId: decimalId, unitId: decimalId });
export const eventUnitsVersionQuery = z.object({ version: decimalId });

/** One unit of an event: the unit, its parent within the event and its depth in the tree. */
export const eventUnit = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(unitKinds),
  parentUnitId: z.number().int().nullable(),
  depth: z.number().int(),
});
export type EventUnit = z.infer<typeof eventUnit>;

/** The event's units in order: each parent followed by its children, depth first. */
export const eventUnitList = z.object({
  unitlessLabel: z.string(),
  version: z.number().int(),
  items: z.array(eventUnit),
});
export type EventUnitList = z.infer<typeof eventUnitList>;

/** Replaces the event's whole list: its units in order, each with its parent within the event. */
export const replaceEventUnitsBody = z
  .object({
    version,
    unitlessLabel,
    units: z
      .array(
        z
          .object({
            unitId: z.number().int().positive(),
            parentUnitId: z.number().int().positive().nullable(),
          })
          .strict(),
      )
      .max(2000, 'En händelse kan ha högst 2000 enheter.'),
  })
  .strict();

/** A new unit, created in the unit register as it joins the event. */
export const newUnit = z
  .object({ code, name, shortName: shortName.default(''), kind: z.enum(unitKinds) })
  .strict();

/** Adds one unit to the end of the event's list, under a parent or at the top. */
export const addEventUnitBody = z
  .object({
    version,
    parentUnitId: z.number().int().positive().nullable().default(null),
    unitId: z.number().int().positive().optional(),
    newUnit: newUnit.optional(),
  })
  .strict()
  .refine((body) => (body.unitId === undefined) !== (body.newUnit === undefined), {
    message: 'Välj en befintlig enhet eller ange en ny.',
    path: ['unitId'],
  });

/** Units from a CSV file (code, name, short name, kind, parent code) added to the event's list. */
export const importEventUnitsBody = z
  .object({ version, csv: z.string().min(1, 'Filen är tom.').max(1_000_000, 'Filen är för stor.') })
  .strict();

/** The event's units as a set-up: units named by code, in order, parents by code. */
export const eventUnitsSetup = z.object({
  unitlessLabel,
  units: z.array(
    z.object({
      code,
      name,
      shortName,
      kind: z.enum(unitKinds),
      parentCode: code.nullable(),
    }),
  ),
});
export type EventUnitsSetup = z.infer<typeof eventUnitsSetup>;
