import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  TIME_ZONE,
  currentWeekKey,
  displayTimeZone,
  formatTime,
  setDisplayTimeZone,
  stockholmLocalToIso,
  stockholmToday,
} from '../../src/web/format.ts';

const HOUR_MS = 3_600_000;

/** Today's 15:30 UTC: 00:30 the next day in Tokyo (UTC+9, no daylight saving). */
function halfPastFifteenUtc(): Date {
  const instant = new Date();
  instant.setUTCHours(15, 30, 0, 0);
  return instant;
}

describe('the web app shows dates in the event’s time zone', () => {
  afterEach(() => setDisplayTimeZone(TIME_ZONE));

  it('is Stockholm until an event page sets its zone', () => {
    assert.equal(displayTimeZone(), 'Europe/Stockholm');
  });

  it('formats times, today and the week in Tokyo once set', () => {
    const instant = halfPastFifteenUtc();
    setDisplayTimeZone('Asia/Tokyo');
    assert.equal(formatTime(instant), '00:30:00');
    const tokyoDate = new Date(instant.getTime() + 9 * HOUR_MS).toISOString().slice(0, 10);
    assert.equal(stockholmToday(instant), tokyoDate);
    const [year, month, day] = tokyoDate.split('-').map(Number);
    const weekOfTokyoDate = currentWeekKey(new Date(Date.UTC(year!, month! - 1, day!, 3)));
    assert.equal(currentWeekKey(instant), weekOfTokyoDate);
  });

  it('reads a datetime-local value as the wall clock of the event’s zone', () => {
    setDisplayTimeZone('Asia/Tokyo');
    const instant = halfPastFifteenUtc();
    const tokyoWallClock = new Date(instant.getTime() + 9 * HOUR_MS).toISOString().slice(0, 16);
    assert.equal(stockholmLocalToIso(tokyoWallClock), instant.toISOString());
  });
});
