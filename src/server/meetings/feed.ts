import { TZDate } from '@date-fns/tz';
import ical, { ICalEventClass } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { CalendarEntry } from './calendar.ts';

/**
 * The zone's VTIMEZONE block, which calendar programs need to turn the feed's local times into
 * instants. The IANA data names a linked zone by its target (Stockholm is Berlin since tzdata
 * 2022b), so the block is given the event's own zone name that the feed's times refer to.
 */
function vtimezoneOf(zone: string): string {
  const [block] = tzlib_get_ical_block(zone) as [string, string];
  return block.replace(/^(TZID|X-LIC-LOCATION):.*$/gm, `$1:${zone}`);
}

export function calendarFeed(
  eventName: string,
  entries: CalendarEntry[],
  publicUrl: string,
  stamp: Date,
  zone: string,
): string {
  const calendar = ical({
    name: `Lägesbild: ${eventName}`,
    prodId: { company: 'Lägesbild', product: 'Lägesbild', language: 'SV' },
    timezone: { name: zone, generator: vtimezoneOf },
    ttl: 15 * 60,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.key}@lagesbild`,
      start: new TZDate(entry.start, zone),
      end: new TZDate(entry.end, zone),
      allDay: entry.allDay,
      timezone: zone,
      summary: entry.title,
      url: new URL(entry.link, publicUrl).toString(),
      class: entry.internal ? ICalEventClass.CONFIDENTIAL : ICalEventClass.PUBLIC,
      stamp,
    });
  }
  return calendar.toString();
}
