import { z } from 'zod';
import { decimalId } from './numbers.ts';

/** Each event has one scale of each kind: the status of a unit or area, and its prognosis. */
export const scaleKinds = ['status', 'prognosis'] as const;
export type ScaleKind = (typeof scaleKinds)[number];

export const minActiveLevels = 3;
export const maxActiveLevels = 6;

/** A level's stable key: what returns store. Lower-case letters, digits, '-' and '_'. */
export const levelKey = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,39}$/,
    'Nyckeln får bara ha små bokstäver a–z, siffror, - och _ (högst 40 tecken).',
  );

export const scaleParams = z.object({ eventId: decimalId, kind: z.enum(scaleKinds) });
export const eventScalesParams = z.object({ eventId: decimalId });

/** One level as an admin writes it; a level without a key is new and gets one from its name. */
export const levelInput = z
  .object({
    key: levelKey.optional(),
    name: z
      .string({ error: 'Ange ett namn.' })
      .trim()
      .min(1, 'Ange ett namn.')
      .max(40, 'Namnet får ha högst 40 tecken.'),
    nameEn: z.string().trim().max(40, 'Namnet får ha högst 40 tecken.').default(''),
    colour: z
      .string({ error: 'Ange en färg.' })
      .trim()
      .toLowerCase()
      .regex(/^#[0-9a-f]{6}$/, 'Ange färgen som #rrggbb, till exempel #d4351c.'),
    meaning: z
      .string({ error: 'Beskriv nivån med en mening.' })
      .trim()
      .min(1, 'Beskriv nivån med en mening.')
      .max(200, 'Betydelsen får ha högst 200 tecken.'),
    symbol: z
      .string({ error: 'Ange en symbol eller kort text.' })
      .trim()
      .min(1, 'Ange en symbol eller kort text som visas med färgen.')
      .max(12, 'Symbolen får ha högst 12 tecken.'),
  })
  .strict();
export type LevelInput = z.input<typeof levelInput>;

const levels = z
  .array(levelInput)
  .min(minActiveLevels, `En skala behöver minst ${minActiveLevels} nivåer.`)
  .max(maxActiveLevels, `En skala får ha högst ${maxActiveLevels} nivåer.`);

/** The scale's active levels in order; a stored level left out is retired or removed. */
export const saveScaleBody = z.object({ version: z.number().int().nonnegative(), levels }).strict();
export type SaveScaleInput = z.infer<typeof saveScaleBody>;

export const scaleLevel = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  colour: z.string(),
  /** Black or white: whichever reads best on the colour (at least WCAG AA). */
  textColour: z.enum(['#000000', '#ffffff']),
  meaning: z.string(),
  symbol: z.string(),
  /** A retired level is kept to show old answers but not offered for new ones. */
  retired: z.boolean(),
});
export type ScaleLevel = z.infer<typeof scaleLevel>;

export const scale = z.object({
  kind: z.enum(scaleKinds),
  /** Active levels first in their order, then retired ones. */
  levels: z.array(scaleLevel),
  version: z.number().int(),
});
export type Scale = z.infer<typeof scale>;

export const eventScales = z.object({ status: scale, prognosis: scale });
export type EventScales = z.infer<typeof eventScales>;

const setupLevels = z
  .array(levelInput.extend({ key: levelKey }))
  .min(minActiveLevels, `En skala behöver minst ${minActiveLevels} nivåer.`)
  .max(maxActiveLevels, `En skala får ha högst ${maxActiveLevels} nivåer.`);

/** An event set-up's scales: each kind's active levels in order (keys included). */
export const scalesSetup = z
  .object({
    status: setupLevels,
    prognosis: setupLevels,
  })
  .strict();
export type ScalesSetup = z.infer<typeof scalesSetup>;
