import { TZDate } from '@date-fns/tz';
import ical, { ICalEventClass } from 'ical-generator';
import { TIME_ZONE } from '../../core/time.ts';
import type { CalendarEntry } from './calendar.ts';

// Stockholm's rules since 1996 (EU summer time). Calendar programs need the VTIMEZONE block to
// turn the local times in the feed into instants.
const stockholmTimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export function calendarFeed(
  eventName: string,
  entries: CalendarEntry[],
  publicUrl: string,
  stamp: Date,
): string {
  const calendar = ical({
    name: `Lägesbild: ${eventName}`,
    prodId: { company: 'Lägesbild', product: 'Lägesbild', language: 'SV' },
    timezone: { name: TIME_ZONE, generator: () => stockholmTimezone },
    ttl: 15 * 60,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.key}@lagesbild`,
      start: new TZDate(entry.start, TIME_ZONE),
      end: new TZDate(entry.end, TIME_ZONE),
      allDay: entry.allDay,
      timezone: TIME_ZONE,
      summary: entry.title,
      url: new URL(entry.link, publicUrl).toString(),
      class: entry.internal ? ICalEventClass.CONFIDENTIAL : ICalEventClass.PUBLIC,
      stamp,
    });
  }
  return calendar.toString();
}
