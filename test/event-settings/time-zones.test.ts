import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatCompiledLine,
  formatDataAsOfLine,
  periodDeadline,
  periodOf,
  periodRange,
} from '../../src/core/time.ts';
import { reminderMessage } from '../../src/server/situations/reminders.ts';
import { nextOffsetChange, offsetHours } from '../support/clock.ts';

const HOUR_MS = 3_600_000;
const NEW_YORK = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'long',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    weekday: get('weekday'),
  };
}

const now = new Date();
const switches = [nextOffsetChange(now, NEW_YORK)];
switches.push(nextOffsetChange(switches[0]!, NEW_YORK));

describe('periods in America/New_York across its next two daylight-saving switches', () => {
  for (const change of switches) {
    const before = offsetHours(new Date(change.getTime() - HOUR_MS), NEW_YORK);
    const after = offsetHours(change, NEW_YORK);
    const gained = before - after;

    it(`gives the day of the switch at ${change.toISOString()} ${24 + gained} hours`, () => {
      const day = periodOf(change, 'day', NEW_YORK);
      assert.equal(day.key, wallClock(change, NEW_YORK).date);
      assert.equal(periodOf(new Date(change.getTime() - 1), 'day', NEW_YORK).key, day.key);
      assert.equal((day.end.getTime() - day.start.getTime()) / HOUR_MS, 24 + gained);
      assert.equal(wallClock(day.start, NEW_YORK).time, '00:00');
      assert.equal(wallClock(day.end, NEW_YORK).time, '00:00');
      assert.notEqual(periodOf(new Date(day.start.getTime() - 1), 'day', NEW_YORK).key, day.key);
      assert.deepEqual(periodRange(day.key, NEW_YORK), {
        from: day.start.toISOString(),
        to: day.end.toISOString(),
      });
    });

    it(`gives the week of the switch at ${change.toISOString()} ${168 + gained} hours`, () => {
      const week = periodOf(change, 'week', NEW_YORK);
      assert.equal((week.end.getTime() - week.start.getTime()) / HOUR_MS, 168 + gained);
      assert.deepEqual(
        [wallClock(week.start, NEW_YORK).weekday, wallClock(week.start, NEW_YORK).time],
        ['Monday', '00:00'],
      );
    });

    it('lays the week’s Sunday noon deadline on the wall clock after the switch', () => {
      const week = periodOf(change, 'week', NEW_YORK);
      const deadline = periodDeadline(week.key, { weekday: 7, time: '12:00' }, NEW_YORK);
      const shown = wallClock(deadline, NEW_YORK);
      assert.deepEqual([shown.weekday, shown.time], ['Sunday', '12:00']);
      assert.equal(offsetHours(deadline, NEW_YORK), offsetHours(week.end, NEW_YORK));
    });

    it('formats the compiled and data-as-of lines in the zone on both sides of the switch', () => {
      for (const instant of [new Date(change.getTime() - HOUR_MS), change]) {
        const shown = wallClock(instant, NEW_YORK);
        assert.equal(
          formatCompiledLine(instant, 'sv', NEW_YORK),
          `Sammanställd: ${shown.date} klockan ${shown.time}`,
        );
        assert.equal(
          formatDataAsOfLine(instant, 'en', NEW_YORK),
          `Data as of ${shown.date} ${shown.time}`,
        );
      }
    });
  }
});

describe('periods in Asia/Tokyo', () => {
  it('starts the next day at 15:00 UTC, while Stockholm is still on the same day', () => {
    const fifteen = new Date(now);
    fifteen.setUTCHours(15, 0, 0, 0);
    const justBefore = new Date(fifteen.getTime() - 1);
    const tokyoBefore = periodOf(justBefore, 'day', TOKYO);
    const tokyoAfter = periodOf(fifteen, 'day', TOKYO);
    assert.equal(tokyoBefore.key, fifteen.toISOString().slice(0, 10));
    assert.equal(
      tokyoAfter.key,
      new Date(fifteen.getTime() + 9 * HOUR_MS).toISOString().slice(0, 10),
    );
    assert.equal(tokyoAfter.start.toISOString(), fifteen.toISOString());
    assert.equal(periodOf(fifteen, 'day').key, periodOf(justBefore, 'day').key);
  });
});

describe('the e-mail reminder', () => {
  it('writes the deadline in the event’s time zone and names the zone', () => {
    const deadline = new Date(switches[0]!.getTime() + HOUR_MS);
    const shown = wallClock(deadline, NEW_YORK);
    const message = reminderMessage({
      eventName: 'Övning Tidszon',
      unitName: 'Sjukhuset',
      period: periodOf(deadline, 'week', NEW_YORK).key,
      deadline: deadline.toISOString(),
      timeZone: NEW_YORK,
    });
    assert.ok(
      message.text.includes(`Skicka in den senast ${shown.date} ${shown.time} (America/New_York).`),
      message.text,
    );
  });
});
