import { z } from 'zod';
import { action } from './actions.ts';
import { decision } from './decisions.ts';
import { provenance, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

const instant = z.iso.datetime({ offset: true });
const name = z.string().trim().min(1, 'Ange forumets namn.').max(200);
const title = z.string().trim().min(1, 'Ange mötets rubrik.').max(300);
const forumId = z.number().int().positive().nullable();
const attendees = z
  .array(z.string().trim().min(1, 'Ange en roll.').max(200))
  .max(100, 'Ange högst 100 deltagande roller.');

export const schedule = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Välj minst en veckodag.')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'Varje veckodag får väljas en gång.'),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange tiden som TT:MM, till exempel 08:30.'),
    durationMinutes: z
      .number()
      .int()
      .min(5, 'Ett möte är minst 5 minuter.')
      .max(720, 'Ett möte är högst 12 timmar.'),
  })
  .strict()
  .nullable();

export const forumParams = eventIdParams.extend({ forumId: decimalId });
export const meetingParams = eventIdParams.extend({
  meetingId: decimalId,
});

export const createForumBody = z
  .object({
    name,
    mandate: z.string().max(5_000).default(''),
    chairRole: z.string().trim().max(200).default(''),
    schedule: schedule.default(null),
  })
  .strict();

export const updateForumBody = z
  .object({
    version: z.number().int().positive(),
    name: name.optional(),
    mandate: z.string().max(5_000).optional(),
    chairRole: z.string().trim().max(200).optional(),
    schedule: schedule.optional(),
  })
  .strict();

export const meetingListQuery = listQuery.extend({
  order: z.enum(['asc', 'desc']).default('asc'),
  from: instant.optional(),
  to: instant.optional(),
  forumId: decimalId.optional(),
});

export const createMeetingBody = z
  .object({
    forumId: forumId.default(null),
    title,
    startsAt: instant,
    endsAt: instant,
    agenda: z.string().max(50_000).default(''),
    attendees: attendees.default([]),
    minutes: z.string().max(100_000).default(''),
    internal: z.boolean().default(false),
  })
  .strict();

export const updateMeetingBody = z
  .object({
    version: z.number().int().positive(),
    forumId: forumId.optional(),
    title: title.optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    agenda: z.string().max(50_000).optional(),
    attendees: attendees.optional(),
    minutes: z.string().max(100_000).optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const calendarQuery = z.object({ from: instant, to: instant });

export const feedParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'Kalenderadressen är ogiltig.'),
});

const scheduleAnswer = z.object({
  days: z.array(z.number().int()),
  time: z.string(),
  durationMinutes: z.number().int(),
});
export type Schedule = z.infer<typeof scheduleAnswer>;

export const forum = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  mandate: z.string(),
  chairRole: z.string(),
  schedule: scheduleAnswer.nullable(),
  provenance,
  version: z.number().int(),
});
export type Forum = z.infer<typeof forum>;

export const forumList = z.object({ items: z.array(forum) });

export const meeting = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  forumId: z.number().int().nullable(),
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  agenda: z.string(),
  attendees: z.array(z.string()),
  minutes: z.string(),
  internal: z.boolean(),
  provenance,
  version: z.number().int(),
});
export type Meeting = z.infer<typeof meeting>;

export const meetingPage = pageOf(meeting);

/** A forum with every meeting held in it, newest first. */
export const forumDetail = forum.extend({ meetings: z.array(meeting) });
export type ForumDetail = z.infer<typeof forumDetail>;

/**
 * A meeting with the decisions and actions recorded in it. The decisions are the decisions
 * capability's answer, passed through as they are until that capability declares its schema.
 */
export const meetingDetail = meeting.extend({
  decisions: z.array(decision),
  actions: z.array(action),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const calendarKinds = ['meeting', 'forum', 'input_deadline', 'report', 'press'] as const;
export type CalendarKind = (typeof calendarKinds)[number];

export const calendarEntry = z.object({
  /** Stable across requests: the calendar feed uses it for the event's UID. */
  key: z.string(),
  kind: z.enum(calendarKinds),
  title: z.string(),
  start: timestamp,
  end: timestamp,
  /** A whole day in the event's zone (press activities carry only a date). */
  allDay: z.boolean(),
  internal: z.boolean(),
  /** Where the entry is shown in the web app or on the published pages. */
  link: z.string(),
});
export type CalendarEntry = z.infer<typeof calendarEntry>;

export const calendar = z.object({ from: timestamp, to: timestamp, items: z.array(calendarEntry) });
export type Calendar = z.infer<typeof calendar>;

export const calendarSubscription = z.object({
  active: z.boolean(),
  createdAt: timestamp.nullable(),
});
export type CalendarSubscription = z.infer<typeof calendarSubscription>;

/** The secret feed address, shown once. */
export const calendarAddress = z.object({ url: z.string(), createdAt: timestamp });
export type CalendarAddress = z.infer<typeof calendarAddress>;
