import { z } from 'zod';
import { provenance, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { pageOf } from './list.ts';
import { decimalId, decimalNumber } from './numbers.ts';

export const timelineKinds = [
  'log',
  'decision',
  'diversion',
  'readiness',
  'report',
  'risk',
  'milestone',
  'meeting',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const lessonStates = ['open', 'in_progress', 'done'] as const;
export type LessonState = (typeof lessonStates)[number];

const kindList = z
  .string()
  .trim()
  .max(200)
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(
    z.array(
      z.enum(timelineKinds, {
        error: `Välj bland slagen ${timelineKinds.join(', ')}.`,
      }),
    ),
  );

const localDate = z.iso.date({ error: 'Ange ett datum som 2024-11-05.' });

/** The filter shared by the timeline and the export; dates are Stockholm calendar days. */
export const timelineFilterQuery = z.object({
  kinds: kindList.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  q: z.string().trim().max(200).optional(),
});

export const timelineQuery = timelineFilterQuery.extend({
  limit: decimalNumber(1, 500).default(100),
  offset: decimalNumber(0).default(0),
});

export const exportParams = eventIdParams.extend({ format: z.enum(['docx', 'pdf']) });

export const lessonParams = eventIdParams.extend({
  lessonId: decimalId,
});

export const deleteLessonQuery = z.object({ version: decimalId });

const observation = z
  .string()
  .trim()
  .min(1, 'Beskriv vad ni iakttog.')
  .max(10_000, 'Iakttagelsen får vara högst 10 000 tecken.');
const recommendation = z
  .string()
  .trim()
  .max(10_000, 'Rekommendationen får vara högst 10 000 tecken.');
const owner = z.string().trim().max(200, 'Ansvarig får vara högst 200 tecken.');
const state = z.enum(lessonStates, { error: 'Välj öppen, pågår eller klar.' });
const category = z
  .string()
  .trim()
  .max(100, 'Kategorin får vara högst 100 tecken.')
  .nullable()
  .transform((value) => value || null);

export const createLessonBody = z
  .object({
    observation,
    recommendation: recommendation.default(''),
    owner: owner.default(''),
    state: state.default('open'),
    category: category.default(null),
  })
  .strict();

export const updateLessonBody = z
  .object({
    version: z.number().int().positive(),
    observation: observation.optional(),
    recommendation: recommendation.optional(),
    owner: owner.optional(),
    state: state.optional(),
    category: category.optional(),
  })
  .strict();

export const timelineEntry = z.object({
  at: timestamp,
  kind: z.enum(timelineKinds),
  title: z.string(),
  summary: z.string(),
  /** What the entry is about, for a link to it. */
  target: z.object({ kind: z.string(), id: z.number().int() }),
  internal: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const timelinePage = pageOf(timelineEntry);

export const lesson = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  observation: z.string(),
  recommendation: z.string(),
  owner: z.string(),
  state: z.enum(lessonStates),
  category: z.string().nullable(),
  provenance,
  version: z.number().int(),
});
export type Lesson = z.infer<typeof lesson>;

export const lessonList = z.object({ items: z.array(lesson) });
