import { formatDate, periodLabel, zonedLocalToInstant } from '../../core/time.ts';
import { listActivities } from '../communication/repository.ts';
import type { Channel } from '../communication/tables.ts';
import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { type CalendarEntry, type CalendarKind, calendarKinds } from '../../contract/meetings.ts';
import { listReports } from '../reports/repository.ts';
import { listInputRequestsDueWithin } from '../situations/repository.ts';
import { nextDate, occurrencesBetween } from './recurrence.ts';
import { listForums, listMeetingsBetween } from './repository.ts';
import { scheduleOf } from './service.ts';

export { type CalendarEntry, type CalendarKind, calendarKinds };

export interface CalendarRange {
  from: Date;
  to: Date;
  /** The event's time zone: forums' regular times and press days are its wall-clock dates. */
  zone: string;
  includeInternal: boolean;
  /** Forums' regular times are expanded only up to here (the event's closing, if closed). */
  occurrencesUntil?: Date | null;
  /** Forums' regular times are expanded only from here. */
  occurrencesFrom?: Date;
}

const pressChannels: Channel[] = ['press_conference', 'press_release'];

/** Everything on the event's calendar that starts in [from, to), ordered by start. */
export async function calendarOf(
  db: Db,
  eventId: number,
  range: CalendarRange,
): Promise<CalendarEntry[]> {
  const entries = [
    ...(await meetingsAndForums(db, eventId, range)),
    ...(await inputDeadlines(db, eventId, range)),
    ...(await reportDays(db, eventId, range)),
    ...(await pressActivities(db, eventId, range)),
  ];
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.key.localeCompare(b.key));
}

async function meetingsAndForums(
  db: Db,
  eventId: number,
  range: CalendarRange,
): Promise<CalendarEntry[]> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const meetings = (
    await listMeetingsBetween(db, eventId, { includeInternal: range.includeInternal, from, to })
  ).filter((meeting) => meeting.starts_at >= from);
  const entries: CalendarEntry[] = meetings.map((meeting) => ({
    key: `meeting-${meeting.id}`,
    kind: 'meeting',
    title: meeting.title,
    start: meeting.starts_at,
    end: meeting.ends_at,
    allDay: false,
    internal: meeting.internal === 1,
    link: `/events/${eventId}/meetings/${meeting.id}`,
  }));
  // A forum's regular time counts as held once a meeting of the forum exists on that day,
  // internal or not, so a reader does not see a placeholder for a meeting hidden from them.
  const allMeetings = range.includeInternal
    ? meetings
    : await listMeetingsBetween(db, eventId, { includeInternal: true, from, to });
  const held = new Set(allMeetings.map((m) => `${m.forum_id}/${dateIn(m.starts_at, range.zone)}`));
  const occurrenceFrom = later(range.from, range.occurrencesFrom);
  const occurrenceTo = earlier(range.to, range.occurrencesUntil);
  if (occurrenceFrom >= occurrenceTo) return entries;
  for (const forum of await listForums(db, eventId)) {
    const schedule = scheduleOf(forum);
    if (!schedule) continue;
    for (const occurrence of occurrencesBetween(
      schedule,
      occurrenceFrom,
      occurrenceTo,
      range.zone,
    )) {
      if (held.has(`${forum.id}/${occurrence.date}`)) continue;
      entries.push({
        key: `forum-${forum.id}-${occurrence.date}`,
        kind: 'forum',
        title: forum.name,
        start: occurrence.start.toISOString(),
        end: occurrence.end.toISOString(),
        allDay: false,
        internal: false,
        link: `/events/${eventId}/forums#forum-${forum.id}`,
      });
    }
  }
  return entries;
}

async function inputDeadlines(
  db: Db,
  eventId: number,
  range: CalendarRange,
): Promise<CalendarEntry[]> {
  const rows = await listInputRequestsDueWithin(
    db,
    eventId,
    range.from.toISOString(),
    range.to.toISOString(),
  );
  return rows.map((request) => ({
    key: `input-request-${request.id}`,
    kind: 'input_deadline',
    title: `Sista tid för enheternas lägesbilder, ${periodLabel(request.period, 'sv', range.zone)}`,
    start: request.deadline,
    end: request.deadline,
    allDay: false,
    internal: false,
    link: `/events/${eventId}`,
  }));
}

async function reportDays(db: Db, eventId: number, range: CalendarRange): Promise<CalendarEntry[]> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  return (await listReports(db, eventId))
    .filter(
      (report) =>
        report.state === 'published' &&
        report.published_at !== null &&
        report.published_at >= from &&
        report.published_at < to,
    )
    .map((report) => ({
      key: `report-${report.id}`,
      kind: 'report',
      title:
        report.revision > 1
          ? `${report.title} (nr ${report.number}, rättelse ${report.revision - 1}) publicerad`
          : `${report.title} (nr ${report.number}) publicerad`,
      start: report.published_at!,
      end: report.published_at!,
      allDay: false,
      internal: false,
      link: `/r/${eventId}/${report.number}?version=${report.revision}`,
    }));
}

async function pressActivities(
  db: Db,
  eventId: number,
  range: CalendarRange,
): Promise<CalendarEntry[]> {
  const fromDate = dateIn(range.from.toISOString(), range.zone);
  const toDate = dateIn(range.to.toISOString(), range.zone);
  const rows = await fetchAllPages((page) =>
    listActivities(
      db,
      eventId,
      { includeInternal: range.includeInternal, fromDate, toDate },
      { ...page, order: 'asc' },
    ),
  );
  return rows
    .filter((activity) =>
      (JSON.parse(activity.channels) as Channel[]).some((channel) =>
        pressChannels.includes(channel),
      ),
    )
    .map((activity) => ({
      key: `press-${activity.id}`,
      kind: 'press' as const,
      title: activity.title,
      start: zonedLocalToInstant(activity.occurred_on, '00:00', range.zone).toISOString(),
      end: zonedLocalToInstant(nextDate(activity.occurred_on), '00:00', range.zone).toISOString(),
      allDay: true,
      internal: activity.internal === 1,
      link: `/events/${eventId}/communication`,
    }))
    .filter(
      (entry) => entry.end > range.from.toISOString() && entry.start < range.to.toISOString(),
    );
}

function dateIn(instant: string, zone: string): string {
  return formatDate(new Date(instant), zone);
}

function later(a: Date, b: Date | undefined): Date {
  return b && b > a ? b : a;
}

function earlier(a: Date, b: Date | null | undefined): Date {
  return b && b < a ? b : a;
}
