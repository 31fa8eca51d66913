import { z } from 'zod';
import { recorded } from './common.ts';
import { eventIdParams } from './events.ts';
import { listQuery, pageOf, periodKey } from './list.ts';
import { decimalId } from './numbers.ts';

export const channels = [
  'intranet',
  '1177',
  'press_release',
  'press_conference',
  'social_media',
  'newsletter',
  'other',
] as const;
export const audiences = ['internal', 'external', 'both'] as const;
export const tones = ['positive', 'neutral', 'negative', 'mixed'] as const;

const date = z.iso.date('Ange ett datum som 2024-11-12.');
const id = decimalId;

const channelList = z
  .array(z.enum(channels))
  .min(1, 'Ange minst en kanal.')
  .max(channels.length)
  .transform((list) => channels.filter((channel) => list.includes(channel)));
const activityTitle = z.string().trim().min(1, 'Ange en rubrik.').max(500);
const link = z
  .url({ protocol: /^https?$/, error: 'Ange en webbadress som börjar med https://.' })
  .max(2_000)
  .nullable();
const articleCount = z.number().int().min(0).max(1_000_000);
const themes = z.array(z.string().trim().min(1).max(200)).max(30);
const name = z.string().trim().min(1, 'Ange ett namn.').max(200);
const personTitle = z.string().trim().min(1, 'Ange en titel.').max(300);
const topic = z.string().trim().max(500);

export const activityParams = eventIdParams.extend({ activityId: id });
export const mediaPictureParams = eventIdParams.extend({ mediaPictureId: id });
export const spokespersonParams = eventIdParams.extend({ spokespersonId: id });

export const activityListQuery = listQuery.extend({
  from: date.optional(),
  to: date.optional(),
  audience: z.enum(audiences).optional(),
  channel: z.enum(channels).optional(),
});
export const mediaPictureListQuery = listQuery;
export const spokespersonListQuery = listQuery.extend({
  order: z.enum(['asc', 'desc']).default('asc'),
  activeOn: date.optional(),
});

export const createActivityBody = z
  .object({
    occurredOn: date,
    channels: channelList,
    audience: z.enum(audiences),
    title: activityTitle,
    link: link.default(null),
    internal: z.boolean().default(false),
  })
  .strict();

export const updateActivityBody = z
  .object({
    version: z.number().int().positive(),
    occurredOn: date.optional(),
    channels: channelList.optional(),
    audience: z.enum(audiences).optional(),
    title: activityTitle.optional(),
    link: link.optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const createMediaPictureBody = z
  .object({
    period: periodKey,
    articleCount,
    themes: themes.default([]),
    tone: z.enum(tones),
    comment: z.string().max(5_000).default(''),
    internal: z.boolean().default(false),
  })
  .strict();

export const updateMediaPictureBody = z
  .object({
    version: z.number().int().positive(),
    articleCount: articleCount.optional(),
    themes: themes.optional(),
    tone: z.enum(tones).optional(),
    comment: z.string().max(5_000).optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const createSpokespersonBody = z
  .object({
    name,
    title: personTitle,
    topic: topic.default(''),
    fromDate: date,
    toDate: date.nullable().default(null),
    internal: z.boolean().default(false),
  })
  .strict();

export const updateSpokespersonBody = z
  .object({
    version: z.number().int().positive(),
    name: name.optional(),
    title: personTitle.optional(),
    topic: topic.optional(),
    fromDate: date.optional(),
    toDate: date.nullable().optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export type Channel = (typeof channels)[number];
export type Audience = (typeof audiences)[number];
export type Tone = (typeof tones)[number];

export const activity = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  /** A Stockholm calendar date, YYYY-MM-DD. */
  occurredOn: z.string(),
  channels: z.array(z.enum(channels)),
  audience: z.enum(audiences),
  title: z.string(),
  link: z.string().nullable(),
});
export type Activity = z.infer<typeof activity>;
export const activityPage = pageOf(activity);

export const mediaPicture = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  period: z.string(),
  articleCount: z.number().int(),
  themes: z.array(z.string()),
  tone: z.enum(tones),
  comment: z.string(),
});
export type MediaPicture = z.infer<typeof mediaPicture>;
export const mediaPicturePage = pageOf(mediaPicture);

export const spokesperson = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  title: z.string(),
  topic: z.string(),
  /** Stockholm calendar dates, YYYY-MM-DD; no end date while the person still speaks. */
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export type Spokesperson = z.infer<typeof spokesperson>;
export const spokespersonPage = pageOf(spokesperson);
