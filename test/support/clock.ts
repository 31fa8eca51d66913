// Moments that test a time-zone rule, computed from "now" so that they mean the same on any day.

/** Europe's daylight-saving switches: the last Sunday of March and of October at 01:00 UTC. */
export const SPRING_FORWARD_MONTH = 2;
export const FALL_BACK_MONTH = 9;

function switchOf(year: number, monthIndex: number): Date {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1, 0));
  lastDay.setUTCDate(lastDay.getUTCDate() - lastDay.getUTCDay());
  return lastDay;
}

/** The first switch of this kind after `now`. */
export function nextSwitch(now: Date, monthIndex: number): Date {
  for (let year = now.getUTCFullYear(); ; year += 1) {
    const instant = switchOf(year, monthIndex);
    if (instant > now) return instant;
  }
}

/** The last switch of this kind before `now`. */
export function previousSwitch(now: Date, monthIndex: number): Date {
  for (let year = now.getUTCFullYear(); ; year -= 1) {
    const instant = switchOf(year, monthIndex);
    if (instant < now) return instant;
  }
}

/** The last 3 January before `now` that falls in ISO week 53 (its Sunday, Stockholm evening). */
export function previousWeek53Sunday(now: Date): Date {
  for (let year = now.getUTCFullYear(); ; year -= 1) {
    const third = new Date(Date.UTC(year, 0, 3, 22, 30));
    // 3 January is in week 53 of the year before when it is a Sunday after a long year.
    if (third < now && third.getUTCDay() === 0 && isLongIsoYear(year - 1)) return third;
  }
}

/** An ISO year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
function isLongIsoYear(year: number): boolean {
  const firstDay = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return firstDay === 4 || (leap && firstDay === 3);
}

const HOUR_MS = 3_600_000;

/** The zone's offset from UTC in hours at an instant, as the runtime's Intl reports it. */
export function offsetHours(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) + Number(match[3]) / 60);
}

/** The next instant after `now` at which the zone changes its offset (found hour by hour). */
export function nextOffsetChange(now: Date, timeZone: string): Date {
  let instant = new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS);
  const first = offsetHours(instant, timeZone);
  while (offsetHours(instant, timeZone) === first) instant = new Date(instant.getTime() + HOUR_MS);
  return instant;
}
