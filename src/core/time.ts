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

/** The default time zone: an event without its own shows its dates in Stockholm time. */
export const TIME_ZONE = 'Europe/Stockholm';

export type Granularity = 'week' | 'day';

export type LabelLocale = 'sv' | 'en';

export interface Period {
  key: string;
  granularity: Granularity;
  start: Date;
  end: Date;
}

const zoneContexts = new Map<string, { in: ReturnType<typeof tz> }>();

/** The date-fns context that reads and writes wall-clock times in a time zone. */
function inZone(zone: string): { in: ReturnType<typeof tz> } {
  let context = zoneContexts.get(zone);
  if (!context) {
    context = { in: tz(zone) };
    zoneContexts.set(zone, context);
  }
  return context;
}

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
const DATA_AS_OF_WORDS = { sv: 'Data per', en: 'Data as of' };

export function isoWeekOf(instant: Date, zone = TIME_ZONE): { year: number; week: number } {
  return {
    year: getISOWeekYear(instant, inZone(zone)),
    week: getISOWeek(instant, inZone(zone)),
  };
}

/** Every time zone changes its offset, and so starts its days, on a whole quarter of a UTC hour. */
const QUARTER_HOUR_MS = 900_000;
const knownPeriodsLimit = 50_000;
const knownPeriods = new Map<string, Map<number, { key: string; start: number; end: number }>>();

/**
 * The day or ISO week (in the time zone, Stockholm by default) an instant falls in. Working it
 * out with time-zone rules costs a third of a millisecond; every instant of one quarter of a UTC
 * hour has the same answer, which is remembered per zone and granularity.
 */
export function periodOf(instant: Date, granularity: Granularity, zone = TIME_ZONE): Period {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const known = knownPeriodsIn(`${zone} ${granularity}`);
  let period = known.get(quarter);
  if (!period) {
    const worked =
      granularity === 'week' ? weekPeriodOf(instant, zone) : dayPeriodOf(instant, zone);
    period = { key: worked.key, start: worked.start.getTime(), end: worked.end.getTime() };
    if (known.size >= knownPeriodsLimit) known.clear();
    known.set(quarter, period);
  }
  return { key: period.key, granularity, start: new Date(period.start), end: new Date(period.end) };
}

function knownPeriodsIn(cacheKey: string) {
  let known = knownPeriods.get(cacheKey);
  if (!known) {
    known = new Map();
    knownPeriods.set(cacheKey, known);
  }
  return known;
}

/** The period a key names in a time zone; parsing is slow, so each key is parsed once per zone. */
export function parsePeriod(key: string, zone = TIME_ZONE): Period {
  const cacheKey = `${zone} ${key}`;
  const start = knownKeys.get(cacheKey);
  if (start !== undefined) return periodOf(new Date(start), granularityOfKey(key), zone);
  const period = parseKey(key, zone);
  if (knownKeys.size >= knownPeriodsLimit) knownKeys.clear();
  knownKeys.set(cacheKey, period.start.getTime());
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
export function periodRange(key: string, zone = TIME_ZONE): { from: string; to: string } {
  const period = parsePeriod(key, zone);
  return { from: period.start.toISOString(), to: period.end.toISOString() };
}

/** The bounds of a time filter: an explicit from/to wins over the bounds of the period. */
export function filterRange(
  query: { period?: string; from?: string; to?: string },
  zone = TIME_ZONE,
): {
  from: string | undefined;
  to: string | undefined;
} {
  const period = query.period ? periodRange(query.period, zone) : undefined;
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

function parseKey(key: string, zone: string): Period {
  if (WEEK_KEY_PATTERN.test(key)) {
    return parseWeekKey(key, zone);
  }
  if (DAY_KEY_PATTERN.test(key)) {
    return parseDayKey(key, zone);
  }
  throw new RangeError(
    `Malformed period key "${key}": expected a week like "2024-W45" or a day like "2024-11-05"`,
  );
}

export function previousPeriod(key: string, zone = TIME_ZONE): Period {
  const period = parsePeriod(key, zone);
  const lastMomentBefore = new Date(period.start.getTime() - 1);
  return periodOf(lastMomentBefore, period.granularity, zone);
}

export function nextPeriod(key: string, zone = TIME_ZONE): Period {
  const period = parsePeriod(key, zone);
  return periodOf(period.end, period.granularity, zone);
}

export function periodLabel(key: string, locale: LabelLocale, zone = TIME_ZONE): string {
  const period = parsePeriod(key, zone);
  if (period.granularity === 'week') {
    // A valid week key already names its ISO week-year and week.
    const [year, week] = key.split('-W');
    return `${WEEK_WORD[locale]} ${Number(week)} ${year}`;
  }
  return format(period.start, 'd MMMM yyyy', {
    ...inZone(zone),
    locale: DATE_FNS_LOCALES[locale],
  });
}

/**
 * "vecka 47" for a week of the current year, "vecka 47 2024" for a week of any other: a week
 * number alone reads as this year's. The current year is the calendar year of `now` in the zone.
 */
export function weekLabel(
  key: string,
  locale: LabelLocale,
  now = new Date(),
  zone = TIME_ZONE,
): string {
  if (!WEEK_KEY_PATTERN.test(key)) throw new RangeError(`"${key}" is not a week key`);
  const [year, week] = key.split('-W');
  const label = `${WEEK_WORD[locale]} ${Number(week)}`;
  return Number(year) === calendarYearOf(now, zone) ? label : `${label} ${year}`;
}

/** A period in short: a week as `weekLabel`, a day as "5 november", with its year when not this year's. */
export function shortPeriodLabel(
  key: string,
  locale: LabelLocale,
  now = new Date(),
  zone = TIME_ZONE,
): string {
  const period = parsePeriod(key, zone);
  if (period.granularity === 'week') return weekLabel(key, locale, now, zone);
  const thisYear = calendarYearOf(period.start, zone) === calendarYearOf(now, zone);
  return format(period.start, thisYear ? 'd MMMM' : 'd MMMM yyyy', {
    ...inZone(zone),
    locale: DATE_FNS_LOCALES[locale],
  });
}

export function formatDateTime(instant: Date, zone = TIME_ZONE): string {
  return `${formatDate(instant, zone)} ${formatTime(instant, zone)}`;
}

export function formatDate(instant: Date, zone = TIME_ZONE): string {
  return format(instant, DAY_KEY_FORMAT, inZone(zone));
}

export function formatCompiledLine(instant: Date, locale: LabelLocale, zone = TIME_ZONE): string {
  return `${COMPILED_WORD[locale]}: ${formatDate(instant, zone)} ${AT_WORD[locale]} ${formatTime(instant, zone)}`;
}

/** "Data per 2024-11-05 14:00" / "Data as of 2024-11-05 14:00": the instant a period's data is from. */
export function formatDataAsOfLine(instant: Date, locale: LabelLocale, zone = TIME_ZONE): string {
  return `${DATA_AS_OF_WORDS[locale]} ${formatDateTime(instant, zone)}`;
}

/** Whether a text names a time zone this runtime knows (an IANA name such as "Asia/Tokyo"). */
/** How a Swedish text names a time zone: "svensk tid" for Stockholm, else its IANA name. */
export function zoneInSwedish(zone: string): string {
  return zone === TIME_ZONE ? 'svensk tid' : zone;
}

export function isTimeZone(zone: string): boolean {
  return knownTimeZones().has(zone);
}

let timeZones: Set<string> | undefined;
function knownTimeZones(): Set<string> {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return timeZones;
}

/**
 * A local time that falls in the spring-forward gap is moved forward by the gap (02:30 becomes
 * 03:30); an ambiguous time in the autumn overlap resolves to the later, standard-time instant.
 */
export function stockholmLocalToInstant(localDate: string, localTime = '00:00'): Date {
  return zonedLocalToInstant(localDate, localTime, TIME_ZONE);
}

/** A wall-clock date and time in a time zone as an instant, with the rules of `stockholmLocalToInstant`. */
export function zonedLocalToInstant(localDate: string, localTime: string, zone: string): Date {
  if (!DAY_KEY_PATTERN.test(localDate) || !TIME_PATTERN.test(localTime)) {
    throw new RangeError(
      `Malformed local date/time "${localDate} ${localTime}": expected "YYYY-MM-DD" and "HH:mm"`,
    );
  }
  const parsed = parseInZone(`${localDate} ${localTime}`, `${DAY_KEY_FORMAT} ${TIME_FORMAT}`, zone);
  if (!isValid(parsed)) {
    throw new RangeError(`Local date/time "${localDate} ${localTime}" does not exist`);
  }
  return toPlainDate(parsed);
}

function formatTime(instant: Date, zone: string): string {
  return format(instant, TIME_FORMAT, inZone(zone));
}

function weekPeriodOf(instant: Date, zone: string): Period {
  const start = startOfISOWeek(instant, inZone(zone));
  return {
    key: format(start, WEEK_KEY_FORMAT, inZone(zone)),
    granularity: 'week',
    start: toPlainDate(start),
    end: toPlainDate(addWeeks(start, 1, inZone(zone))),
  };
}

function dayPeriodOf(instant: Date, zone: string): Period {
  const start = startOfDay(instant, inZone(zone));
  return {
    key: format(start, DAY_KEY_FORMAT, inZone(zone)),
    granularity: 'day',
    start: toPlainDate(start),
    end: toPlainDate(addDays(start, 1, inZone(zone))),
  };
}

// date-fns accepts week 53 in any year and rolls it over into week 1 of the next, so a week
// exists only if the parsed start formats back to the same key.
function parseWeekKey(key: string, zone: string): Period {
  const start = parseInZone(key, WEEK_KEY_FORMAT, zone);
  const period = isValid(start) ? weekPeriodOf(start, zone) : undefined;
  if (period?.key !== key) {
    throw new RangeError(`Week "${key}" does not exist: that ISO week-year has no such week`);
  }
  return period;
}

function parseDayKey(key: string, zone: string): Period {
  const start = parseInZone(key, DAY_KEY_FORMAT, zone);
  if (!isValid(start)) {
    throw new RangeError(`Day "${key}" does not exist in the calendar`);
  }
  return dayPeriodOf(start, zone);
}

function parseInZone(text: string, formatString: string, zone: string): Date {
  return parse(text, formatString, new Date(0), inZone(zone));
}

// date-fns returns TZDate instances; callers get ordinary Dates so equality and serialization
// behave like any other instant.
function toPlainDate(date: Date): Date {
  return new Date(date.getTime());
}

/** When returns for a period are due: a weekday (1 = Monday … 7 = Sunday) of a week, and a time. */
export interface PeriodDeadline {
  weekday: number;
  time: string;
}

/**
 * The instant a period's returns are due, in the time zone: the deadline's weekday and time of
 * the week, or the deadline's time on the day (a daily period has no weekday).
 */
export function periodDeadline(key: string, deadline: PeriodDeadline, zone = TIME_ZONE): Date {
  const period = parsePeriod(key, zone);
  const firstDay = formatDate(period.start, zone);
  const day =
    period.granularity === 'week' ? calendarDaysAfter(firstDay, deadline.weekday - 1) : firstDay;
  return zonedLocalToInstant(day, deadline.time, zone);
}

function calendarDaysAfter(localDate: string, days: number): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "5 februari 2027" / "5 February 2027": a day as a title names it. */
export function formatLongDate(instant: Date, locale: LabelLocale, zone = TIME_ZONE): string {
  return format(instant, 'd MMMM yyyy', { ...inZone(zone), locale: DATE_FNS_LOCALES[locale] });
}

export function calendarYearOf(instant: Date, zone = TIME_ZONE): number {
  return Number(format(instant, 'yyyy', inZone(zone)));
}
