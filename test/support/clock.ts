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
