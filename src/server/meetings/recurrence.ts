import { formatDate, zonedLocalToInstant } from '../../core/time.ts';

/** A forum's regular time: on these ISO weekdays at a local time of the event's zone, for a duration. */
export interface Schedule {
  days: number[];
  time: string;
  durationMinutes: number;
}

export interface Occurrence {
  /** The calendar date in the event's zone, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
}

const dayMs = 86_400_000;

/**
 * Occurrences that start in [from, to). Each is placed by its local date and time in the zone, so
 * 08:30 stays 08:30 on the wall clock across the changes to and from summer time.
 */
export function occurrencesBetween(
  schedule: Schedule,
  from: Date,
  to: Date,
  zone: string,
): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const lastDate = formatDate(to, zone);
  for (let date = formatDate(from, zone); date <= lastDate; date = nextDate(date)) {
    if (!schedule.days.includes(isoWeekday(date))) continue;
    const start = zonedLocalToInstant(date, schedule.time, zone);
    if (start < from || start >= to) continue;
    occurrences.push({
      date,
      start,
      end: new Date(start.getTime() + schedule.durationMinutes * 60_000),
    });
  }
  return occurrences;
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + dayMs).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
}
