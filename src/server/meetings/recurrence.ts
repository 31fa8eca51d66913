import { formatDate, stockholmLocalToInstant } from '../../core/time.ts';

/** A forum's regular time: on these ISO weekdays at a Stockholm local time, for a duration. */
export interface Schedule {
  days: number[];
  time: string;
  durationMinutes: number;
}

export interface Occurrence {
  /** The Stockholm calendar date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
}

const dayMs = 86_400_000;

/**
 * Occurrences that start in [from, to). Each is placed by its local date and time, so 08:30
 * stays 08:30 in Stockholm across the changes to and from summer time.
 */
export function occurrencesBetween(schedule: Schedule, from: Date, to: Date): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const lastDate = formatDate(to);
  for (let date = formatDate(from); date <= lastDate; date = nextDate(date)) {
    if (!schedule.days.includes(isoWeekday(date))) continue;
    const start = stockholmLocalToInstant(date, schedule.time);
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
