import { periodOf, previousPeriod, stockholmLocalToInstant } from '../../core/time.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The local date (YYYY-MM-DD) of the Stockholm day an instant falls in. */
function stockholmDayOf(instant: Date): string {
  return periodOf(instant, 'day').key;
}

function addDays(localDate: string, days: number): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/**
 * The live demo's calendar, laid relative to the moment it is loaded: the current ISO week and
 * the two before it, with local times in Stockholm. Nothing it names lies after `now`, so the
 * demo's history is always history, whatever day (or daylight-saving night) it is loaded.
 */
export class LiveCalendar {
  readonly now: Date;
  /** Week keys, oldest first: two weeks ago, last week, this week. */
  readonly weeks: [string, string, string];
  private readonly mondays: [string, string, string];

  constructor(now: Date) {
    this.now = now;
    const current = periodOf(now, 'week');
    const last = previousPeriod(current.key);
    const beforeLast = previousPeriod(last.key);
    this.weeks = [beforeLast.key, last.key, current.key];
    this.mondays = [beforeLast, last, current].map((period) => stockholmDayOf(period.start)) as [
      string,
      string,
      string,
    ];
  }

  /** The local date of day `weekday` (0 = Monday) of week `week` (0 = two weeks ago, 2 = this). */
  date(week: 0 | 1 | 2, weekday: number): string {
    return addDays(this.mondays[week], weekday);
  }

  /** That day at local `time`. */
  at(week: 0 | 1 | 2, weekday: number, time: string): Date {
    return stockholmLocalToInstant(this.date(week, weekday), time);
  }

  /** The instant itself, or a minute before now when it has not happened yet. */
  past(instant: Date): Date {
    const latest = this.now.getTime() - MINUTE_MS;
    return instant.getTime() <= latest ? instant : new Date(latest);
  }

  /** Today's local date moved by `days` (a planned date, e.g. a milestone's). */
  dayFromToday(days: number): string {
    return addDays(stockholmDayOf(this.now), days);
  }

  /** Local `time` on each of the `count` days before today, oldest first. */
  daysBeforeToday(count: number, time: string): Date[] {
    const today = stockholmDayOf(this.now);
    return Array.from({ length: count }, (_, index) =>
      stockholmLocalToInstant(addDays(today, index - count), time),
    );
  }

  /** Local `time` today, or now when that time has not come yet. */
  todayAtOrNow(time: string): Date {
    const instant = stockholmLocalToInstant(stockholmDayOf(this.now), time);
    return instant.getTime() <= this.now.getTime() ? instant : this.now;
  }

  /** Whether local `time` today has passed. */
  hasPassedToday(time: string): boolean {
    return stockholmLocalToInstant(stockholmDayOf(this.now), time).getTime() <= this.now.getTime();
  }

  /** `days` whole days from now at local `time` (a future deadline). */
  deadlineInDays(days: number, time: string): Date {
    const day = stockholmDayOf(new Date(this.now.getTime() + days * DAY_MS));
    return stockholmLocalToInstant(day, time);
  }
}
