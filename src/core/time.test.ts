import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TIME_ZONE,
  formatCompiledLine,
  formatDate,
  formatDateTime,
  isPeriodKey,
  isoWeekOf,
  nextPeriod,
  parsePeriod,
  periodLabel,
  periodOf,
  periodRange,
  previousPeriod,
  shortPeriodLabel,
  stockholmLocalToInstant,
  weekLabel,
} from './time.ts';

const HOUR_MS = 60 * 60 * 1000;

function noonUtc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

function durationInHours(period: { start: Date; end: Date }): number {
  return (period.end.getTime() - period.start.getTime()) / HOUR_MS;
}

describe('TIME_ZONE', () => {
  it('is Stockholm', () => {
    assert.equal(TIME_ZONE, 'Europe/Stockholm');
  });
});

describe('isoWeekOf', () => {
  it('puts 2020-12-31 and 2021-01-03 in week 53 of 2020', () => {
    assert.deepEqual(isoWeekOf(noonUtc('2020-12-31')), { year: 2020, week: 53 });
    assert.deepEqual(isoWeekOf(noonUtc('2021-01-03')), { year: 2020, week: 53 });
  });

  it('puts 2021-01-04 in week 1 of 2021', () => {
    assert.deepEqual(isoWeekOf(noonUtc('2021-01-04')), { year: 2021, week: 1 });
  });

  it('puts 2024-12-30 in week 1 of 2025', () => {
    assert.deepEqual(isoWeekOf(noonUtc('2024-12-30')), { year: 2025, week: 1 });
  });

  it('uses the Stockholm date, not the UTC date', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Stockholm (UTC+1 in November).
    assert.deepEqual(isoWeekOf(new Date('2024-11-03T23:30:00Z')), { year: 2024, week: 45 });
    assert.deepEqual(isoWeekOf(new Date('2024-11-03T22:59:59Z')), { year: 2024, week: 44 });
  });
});

describe('periodOf', () => {
  it('gives the Stockholm week, starting Monday local midnight', () => {
    assert.deepEqual(periodOf(new Date('2024-11-03T23:30:00Z'), 'week'), {
      key: '2024-W45',
      granularity: 'week',
      start: new Date('2024-11-03T23:00:00Z'),
      end: new Date('2024-11-10T23:00:00Z'),
    });
  });

  it('gives the Stockholm day, which may differ from the UTC day', () => {
    assert.deepEqual(periodOf(new Date('2024-11-03T23:30:00Z'), 'day'), {
      key: '2024-11-04',
      granularity: 'day',
      start: new Date('2024-11-03T23:00:00Z'),
      end: new Date('2024-11-04T23:00:00Z'),
    });
  });

  it('uses summer time offsets in summer', () => {
    const period = periodOf(new Date('2024-07-01T10:00:00Z'), 'day');
    assert.deepEqual(period.start, new Date('2024-06-30T22:00:00Z'));
    assert.deepEqual(period.end, new Date('2024-07-01T22:00:00Z'));
  });

  it('includes the start instant and excludes the end instant', () => {
    const week = periodOf(noonUtc('2024-11-06'), 'week');
    assert.equal(periodOf(week.start, 'week').key, '2024-W45');
    assert.equal(periodOf(week.end, 'week').key, '2024-W46');
    assert.equal(periodOf(new Date(week.end.getTime() - 1), 'week').key, '2024-W45');
  });

  it('returns plain Date instances', () => {
    const period = periodOf(noonUtc('2024-11-06'), 'week');
    assert.equal(Object.getPrototypeOf(period.start), Date.prototype);
    assert.equal(Object.getPrototypeOf(period.end), Date.prototype);
  });

  it('keys week 53 and week 1 by ISO week-year', () => {
    assert.equal(periodOf(noonUtc('2021-01-03'), 'week').key, '2020-W53');
    assert.equal(periodOf(noonUtc('2024-12-30'), 'week').key, '2025-W01');
  });
});

describe('daylight saving time', () => {
  it('lets week 2024-W13 span the spring change', () => {
    const week = parsePeriod('2024-W13');
    assert.deepEqual(week.start, new Date('2024-03-24T23:00:00Z'));
    assert.deepEqual(week.end, new Date('2024-03-31T22:00:00Z'));
    assert.equal(durationInHours(week), 7 * 24 - 1);
  });

  it('makes 2024-03-31 last 23 hours', () => {
    const day = parsePeriod('2024-03-31');
    assert.deepEqual(day.start, new Date('2024-03-30T23:00:00Z'));
    assert.deepEqual(day.end, new Date('2024-03-31T22:00:00Z'));
    assert.equal(durationInHours(day), 23);
  });

  it('makes 2024-10-27 last 25 hours', () => {
    const day = parsePeriod('2024-10-27');
    assert.deepEqual(day.start, new Date('2024-10-26T22:00:00Z'));
    assert.deepEqual(day.end, new Date('2024-10-27T23:00:00Z'));
    assert.equal(durationInHours(day), 25);
  });

  it('makes an ordinary day last 24 hours', () => {
    assert.equal(durationInHours(parsePeriod('2024-11-05')), 24);
  });
});

describe('parsePeriod', () => {
  it('parses a week key', () => {
    assert.deepEqual(parsePeriod('2024-W45'), {
      key: '2024-W45',
      granularity: 'week',
      start: new Date('2024-11-03T23:00:00Z'),
      end: new Date('2024-11-10T23:00:00Z'),
    });
  });

  it('parses a day key', () => {
    assert.deepEqual(parsePeriod('2024-11-05'), {
      key: '2024-11-05',
      granularity: 'day',
      start: new Date('2024-11-04T23:00:00Z'),
      end: new Date('2024-11-05T23:00:00Z'),
    });
  });

  it('accepts week 53 in a year that has one', () => {
    const week = parsePeriod('2020-W53');
    assert.equal(week.key, '2020-W53');
    assert.deepEqual(week.start, new Date('2020-12-27T23:00:00Z'));
    assert.deepEqual(week.end, new Date('2021-01-03T23:00:00Z'));
  });

  it('accepts week 1 that starts in the previous calendar year', () => {
    assert.deepEqual(parsePeriod('2025-W01').start, new Date('2024-12-29T23:00:00Z'));
  });

  it('rejects week 53 in a year that has only 52 weeks', () => {
    assert.throws(() => parsePeriod('2023-W53'), {
      name: 'RangeError',
      message: /2023-W53.*does not exist/,
    });
  });

  it('rejects weeks 0 and 54', () => {
    assert.throws(() => parsePeriod('2024-W00'), RangeError);
    assert.throws(() => parsePeriod('2020-W54'), RangeError);
  });

  it('rejects days that are not in the calendar', () => {
    assert.throws(() => parsePeriod('2023-02-29'), { name: 'RangeError', message: /2023-02-29/ });
    assert.throws(() => parsePeriod('2024-13-01'), RangeError);
    assert.throws(() => parsePeriod('2024-04-31'), RangeError);
    assert.doesNotThrow(() => parsePeriod('2024-02-29'));
  });

  it('rejects malformed keys with a readable message', () => {
    for (const key of ['', '2024-W5', '2024-w45', '2024W45', '2024-45', '2024-3-31', ' 2024-W45']) {
      assert.throws(() => parsePeriod(key), {
        name: 'RangeError',
        message: /Malformed period key/,
      });
    }
  });
});

describe('previousPeriod and nextPeriod', () => {
  it('steps from week 1 back into the previous week-year', () => {
    assert.equal(previousPeriod('2025-W01').key, '2024-W52');
  });

  it('steps from week 53 into week 1 of the next year', () => {
    assert.equal(nextPeriod('2020-W53').key, '2021-W01');
    assert.equal(previousPeriod('2021-W01').key, '2020-W53');
  });

  it('steps across a DST change so that periods stay adjacent', () => {
    const week = parsePeriod('2024-W13');
    assert.deepEqual(nextPeriod('2024-W13').start, week.end);
    assert.deepEqual(previousPeriod('2024-W13').end, week.start);
    assert.equal(durationInHours(nextPeriod('2024-W13')), 7 * 24);
  });

  it('steps days across month, year and DST boundaries', () => {
    assert.equal(nextPeriod('2024-12-31').key, '2025-01-01');
    assert.equal(previousPeriod('2024-03-01').key, '2024-02-29');
    assert.equal(nextPeriod('2024-03-30').key, '2024-03-31');
    assert.equal(nextPeriod('2024-03-31').key, '2024-04-01');
    assert.equal(previousPeriod('2024-10-28').key, '2024-10-27');
  });

  it('keeps the granularity', () => {
    assert.equal(nextPeriod('2024-11-05').granularity, 'day');
    assert.equal(previousPeriod('2024-W45').granularity, 'week');
  });

  it('rejects invalid keys', () => {
    assert.throws(() => nextPeriod('2023-W53'), RangeError);
    assert.throws(() => previousPeriod('nonsense'), RangeError);
  });
});

describe('periodLabel', () => {
  it('labels weeks without a leading zero', () => {
    assert.equal(periodLabel('2024-W45', 'sv'), 'vecka 45 2024');
    assert.equal(periodLabel('2024-W45', 'en'), 'week 45 2024');
    assert.equal(periodLabel('2025-W01', 'sv'), 'vecka 1 2025');
  });

  it('labels days with the month name', () => {
    assert.equal(periodLabel('2024-11-05', 'sv'), '5 november 2024');
    assert.equal(periodLabel('2024-11-05', 'en'), '5 November 2024');
    assert.equal(periodLabel('2024-03-31', 'sv'), '31 mars 2024');
  });

  it('rejects invalid keys', () => {
    assert.throws(() => periodLabel('2023-W53', 'sv'), RangeError);
  });
});

describe('formatting', () => {
  it('formats winter instants in Stockholm time (UTC+1)', () => {
    const instant = new Date('2024-11-05T16:30:00Z');
    assert.equal(formatDateTime(instant), '2024-11-05 17:30');
    assert.equal(formatDate(instant), '2024-11-05');
  });

  it('formats summer instants in Stockholm time (UTC+2)', () => {
    assert.equal(formatDateTime(new Date('2024-07-01T10:00:00Z')), '2024-07-01 12:00');
  });

  it('uses the Stockholm date when it differs from the UTC date', () => {
    const instant = new Date('2024-12-31T23:15:00Z');
    assert.equal(formatDate(instant), '2025-01-01');
    assert.equal(formatDateTime(instant), '2025-01-01 00:15');
  });

  it('writes the compiled line in Swedish and English', () => {
    const instant = new Date('2024-11-05T16:30:00Z');
    assert.equal(formatCompiledLine(instant, 'sv'), 'Sammanställd: 2024-11-05 klockan 17:30');
    assert.equal(formatCompiledLine(instant, 'en'), 'Compiled: 2024-11-05 at 17:30');
  });
});

describe('stockholmLocalToInstant', () => {
  it('converts winter local time', () => {
    assert.deepEqual(
      stockholmLocalToInstant('2024-11-22', '14:00'),
      new Date('2024-11-22T13:00:00Z'),
    );
  });

  it('converts summer local time', () => {
    assert.deepEqual(
      stockholmLocalToInstant('2024-07-01', '12:00'),
      new Date('2024-07-01T10:00:00Z'),
    );
  });

  it('defaults to local midnight', () => {
    assert.deepEqual(stockholmLocalToInstant('2024-11-22'), new Date('2024-11-21T23:00:00Z'));
  });

  it('round-trips with formatDateTime', () => {
    const instant = stockholmLocalToInstant('2024-03-31', '03:00');
    assert.deepEqual(instant, new Date('2024-03-31T01:00:00Z'));
    assert.equal(formatDateTime(instant), '2024-03-31 03:00');
  });

  it('moves a time in the spring-forward gap forward by one hour', () => {
    assert.deepEqual(
      stockholmLocalToInstant('2024-03-31', '02:30'),
      new Date('2024-03-31T01:30:00Z'),
    );
  });

  it('resolves a time repeated in the autumn overlap to the later, standard-time instant', () => {
    assert.deepEqual(
      stockholmLocalToInstant('2024-10-27', '02:30'),
      new Date('2024-10-27T01:30:00Z'),
    );
  });

  it('returns a plain Date', () => {
    assert.equal(Object.getPrototypeOf(stockholmLocalToInstant('2024-11-22')), Date.prototype);
  });

  it('rejects malformed dates and times', () => {
    const malformed: Array<[string, string]> = [
      ['2024-11-22', '14'],
      ['2024-11-22', '4:00'],
      ['2024-11-22', '14:00:00'],
      ['22/11/2024', '14:00'],
      ['2024-11-2', '14:00'],
      ['', '14:00'],
    ];
    for (const [date, time] of malformed) {
      assert.throws(() => stockholmLocalToInstant(date, time), {
        name: 'RangeError',
        message: /Malformed/,
      });
    }
  });

  it('rejects dates and times that do not exist', () => {
    assert.throws(() => stockholmLocalToInstant('2023-02-29', '12:00'), RangeError);
    assert.throws(() => stockholmLocalToInstant('2024-11-22', '24:00'), RangeError);
    assert.throws(() => stockholmLocalToInstant('2024-11-22', '14:60'), RangeError);
  });
});

describe('isPeriodKey', () => {
  it('accepts a week 53 only in a year that has one', () => {
    assert.equal(isPeriodKey('2020-W53'), true);
    assert.equal(isPeriodKey('2021-W53'), false);
  });

  it('refuses days that are not in the calendar and keys of the wrong shape', () => {
    assert.equal(isPeriodKey('2024-02-29'), true);
    assert.equal(isPeriodKey('2023-02-29'), false);
    assert.equal(isPeriodKey('2024-W00'), false);
    assert.equal(isPeriodKey('2024-11'), false);
  });
});

describe('periodRange', () => {
  it('spans a Stockholm week as UTC instants across the spring change', () => {
    assert.deepEqual(periodRange('2024-W13'), {
      from: '2024-03-24T23:00:00.000Z',
      to: '2024-03-31T22:00:00.000Z',
    });
  });

  it('spans a Stockholm day of 25 hours at the autumn change', () => {
    assert.deepEqual(periodRange('2024-10-27'), {
      from: '2024-10-26T22:00:00.000Z',
      to: '2024-10-27T23:00:00.000Z',
    });
  });
});

describe('weekLabel and shortPeriodLabel', () => {
  const now = new Date();
  const thisYear = Number(
    new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' }).format(now),
  );

  it('leave out the year of a week in the current year and keep it for any other year', () => {
    assert.equal(weekLabel(`${thisYear}-W26`, 'sv'), 'vecka 26');
    assert.equal(weekLabel(`${thisYear - 1}-W26`, 'sv'), `vecka 26 ${thisYear - 1}`);
    assert.equal(weekLabel(`${thisYear + 1}-W02`, 'en'), `week 2 ${thisYear + 1}`);
    assert.equal(shortPeriodLabel(`${thisYear}-W07`, 'sv'), 'vecka 7');
    assert.equal(shortPeriodLabel(`${thisYear - 1}-W07`, 'sv'), `vecka 7 ${thisYear - 1}`);
  });

  it('label days the same way', () => {
    assert.equal(shortPeriodLabel(`${thisYear}-03-05`, 'sv'), '5 mars');
    assert.equal(shortPeriodLabel(`${thisYear - 2}-03-05`, 'en'), `5 March ${thisYear - 2}`);
  });

  it('read the current year as the calendar year in the time zone, not the ISO week-year', () => {
    // 1 January 2027 (a Friday) is in ISO week 53 of 2026: the week gets its year.
    const newYearsDay = new Date('2027-01-01T10:00:00Z');
    assert.equal(weekLabel('2026-W53', 'sv', newYearsDay), 'vecka 53 2026');
    assert.equal(weekLabel('2027-W01', 'sv', newYearsDay), 'vecka 1');
    // 23:30 UTC on 31 December is already the new year in Stockholm.
    const stockholmNewYear = new Date('2026-12-31T23:30:00Z');
    assert.equal(weekLabel('2026-W52', 'sv', stockholmNewYear), 'vecka 52 2026');
    assert.equal(weekLabel('2026-W52', 'sv', stockholmNewYear, 'UTC'), 'vecka 52');
  });
});
