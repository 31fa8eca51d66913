import { tz } from '@date-fns/tz';
// One module per function: the package index loads all of date-fns (over 300 files at start-up).
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';

export const TIME_ZONE = 'Europe/Stockholm';

export type Granularity = 'week' | 'day';

export type LabelLocale = 'sv' | 'en';

export interface Period {
  key: string;
  granularity: Granularity;
  start: Date;
  end: Date;
}

const IN_STOCKHOLM = { in: tz(TIME_ZONE) };

const WEEK_KEY_FORMAT = "RRRR-'W'II";
const DAY_KEY_FORMAT = 'yyyy-MM-dd';
const TIME_FORMAT = 'HH:mm';

const WEEK_KEY_PATTERN = /^\d{4}-W\d{2}$/;
const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^\d{2}:\d{2}$/;

const DATE_FNS_LOCALES = { sv, en: enGB };
const WEEK_WORD = { sv: 'vecka', en: 'week' };
const COMPILED_WORD = { sv: 'Sammanställd', en: 'Compiled' };
const AT_WORD = { sv: 'klockan', en: 'at' };

export function isoWeekOf(instant: Date): { year: number; week: number } {
  return {
    year: getISOWeekYear(instant, IN_STOCKHOLM),
    week: getISOWeek(instant, IN_STOCKHOLM),
  };
}

const HOUR_MS = 3_600_000;
const knownPeriodsLimit = 50_000;
const knownPeriods: Record<
  Granularity,
  Map<number, { key: string; start: number; end: number }>
> = { week: new Map(), day: new Map() };

/**
 * The day or ISO week (Stockholm time) an instant falls in. Working it out with time-zone rules
 * costs a third of a millisecond; Stockholm changes its offset only on a whole UTC hour, so every
 * instant of one UTC hour has the same answer, which is remembered.
 */
export function periodOf(instant: Date, granularity: Granularity): Period {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  const known = knownPeriods[granularity];
  let period = known.get(hour);
  if (!period) {
    const worked = granularity === 'week' ? weekPeriodOf(instant) : dayPeriodOf(instant);
    period = { key: worked.key, start: worked.start.getTime(), end: worked.end.getTime() };
    if (known.size >= knownPeriodsLimit) known.clear();
    known.set(hour, period);
  }
  return { key: period.key, granularity, start: new Date(period.start), end: new Date(period.end) };
}

/** The period a key names; parsing in Stockholm time is slow, so each key is parsed once. */
export function parsePeriod(key: string): Period {
  const start = knownKeys.get(key);
  if (start !== undefined) return periodOf(new Date(start), granularityOfKey(key));
  const period = parseKey(key);
  if (knownKeys.size >= knownPeriodsLimit) knownKeys.clear();
  knownKeys.set(key, period.start.getTime());
  return period;
}

/** Whether a text names a period that exists: "2024-W53" does, "2023-W53" and "2024-02-30" do not. */
export function isPeriodKey(key: string): boolean {
  try {
    parsePeriod(key);
    return true;
  } catch {
    return false;
  }
}

/** The instants a period key spans, as ISO strings: from its start up to (not including) its end. */
export function periodRange(key: string): { from: string; to: string } {
  const period = parsePeriod(key);
  return { from: period.start.toISOString(), to: period.end.toISOString() };
}

/** The bounds of a time filter: an explicit from/to wins over the bounds of the period. */
export function filterRange(query: { period?: string; from?: string; to?: string }): {
  from: string | undefined;
  to: string | undefined;
} {
  const period = query.period ? periodRange(query.period) : undefined;
  return {
    from: query.from ? isoInstant(query.from) : period?.from,
    to: query.to ? isoInstant(query.to) : period?.to,
  };
}

/** An instant in the one ISO form the server stores, so that instants compare as text. */
export function isoInstant(value: string): string {
  return new Date(value).toISOString();
}

const knownKeys = new Map<string, number>();

function granularityOfKey(key: string): Granularity {
  return WEEK_KEY_PATTERN.test(key) ? 'week' : 'day';
}

function parseKey(key: string): Period {
  if (WEEK_KEY_PATTERN.test(key)) {
    return parseWeekKey(key);
  }
  if (DAY_KEY_PATTERN.test(key)) {
    return parseDayKey(key);
  }
  throw new RangeError(
    `Malformed period key "${key}": expected a week like "2024-W45" or a day like "2024-11-05"`,
  );
}

export function previousPeriod(key: string): Period {
  const period = parsePeriod(key);
  const lastMomentBefore = new Date(period.start.getTime() - 1);
  return periodOf(lastMomentBefore, period.granularity);
}

export function nextPeriod(key: string): Period {
  const period = parsePeriod(key);
  return periodOf(period.end, period.granularity);
}

export function periodLabel(key: string, locale: LabelLocale): string {
  const period = parsePeriod(key);
  if (period.granularity === 'week') {
    // A valid week key already names its ISO week-year and week.
    const [year, week] = key.split('-W');
    return `${WEEK_WORD[locale]} ${Number(week)} ${year}`;
  }
  return format(period.start, 'd MMMM yyyy', { ...IN_STOCKHOLM, locale: DATE_FNS_LOCALES[locale] });
}

export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)} ${formatTime(instant)}`;
}

export function formatDate(instant: Date): string {
  return format(instant, DAY_KEY_FORMAT, IN_STOCKHOLM);
}

export function formatCompiledLine(instant: Date, locale: LabelLocale): string {
  return `${COMPILED_WORD[locale]}: ${formatDate(instant)} ${AT_WORD[locale]} ${formatTime(instant)}`;
}

/**
 * A local time that falls in the spring-forward gap is moved forward by the gap (02:30 becomes
 * 03:30); an ambiguous time in the autumn overlap resolves to the later, standard-time instant.
 */
export function stockholmLocalToInstant(localDate: string, localTime = '00:00'): Date {
  if (!DAY_KEY_PATTERN.test(localDate) || !TIME_PATTERN.test(localTime)) {
    throw new RangeError(
      `Malformed local date/time "${localDate} ${localTime}": expected "YYYY-MM-DD" and "HH:mm"`,
    );
  }
  const parsed = parseInStockholm(`${localDate} ${localTime}`, `${DAY_KEY_FORMAT} ${TIME_FORMAT}`);
  if (!isValid(parsed)) {
    throw new RangeError(`Local date/time "${localDate} ${localTime}" does not exist`);
  }
  return toPlainDate(parsed);
}

function formatTime(instant: Date): string {
  return format(instant, TIME_FORMAT, IN_STOCKHOLM);
}

function weekPeriodOf(instant: Date): Period {
  const start = startOfISOWeek(instant, IN_STOCKHOLM);
  return {
    key: format(start, WEEK_KEY_FORMAT, IN_STOCKHOLM),
    granularity: 'week',
    start: toPlainDate(start),
    end: toPlainDate(addWeeks(start, 1, IN_STOCKHOLM)),
  };
}

function dayPeriodOf(instant: Date): Period {
  const start = startOfDay(instant, IN_STOCKHOLM);
  return {
    key: format(start, DAY_KEY_FORMAT, IN_STOCKHOLM),
    granularity: 'day',
    start: toPlainDate(start),
    end: toPlainDate(addDays(start, 1, IN_STOCKHOLM)),
  };
}

// date-fns accepts week 53 in any year and rolls it over into week 1 of the next, so a week
// exists only if the parsed start formats back to the same key.
function parseWeekKey(key: string): Period {
  const start = parseInStockholm(key, WEEK_KEY_FORMAT);
  const period = isValid(start) ? weekPeriodOf(start) : undefined;
  if (period?.key !== key) {
    throw new RangeError(`Week "${key}" does not exist: that ISO week-year has no such week`);
  }
  return period;
}

function parseDayKey(key: string): Period {
  const start = parseInStockholm(key, DAY_KEY_FORMAT);
  if (!isValid(start)) {
    throw new RangeError(`Day "${key}" does not exist in the calendar`);
  }
  return dayPeriodOf(start);
}

function parseInStockholm(text: string, formatString: string): Date {
  return parse(text, formatString, new Date(0), IN_STOCKHOLM);
}

// date-fns returns TZDate instances; callers get ordinary Dates so equality and serialization
// behave like any other instant.
function toPlainDate(date: Date): Date {
  return new Date(date.getTime());
}
