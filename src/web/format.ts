// Dates, times, weeks and numbers: in the time zone of the event shown (Europe/Stockholm by
// default, and outside an event), Swedish formats by default.
import { weekLabel } from '../core/time.ts';
import i18n from './i18n.ts';

export const TIME_ZONE = 'Europe/Stockholm';

let displayZone = TIME_ZONE;

/** The time zone every date is shown in; an event's pages set their event's (kit/eventPage.tsx). */
export function setDisplayTimeZone(zone: string): void {
  displayZone = zone;
}

export function displayTimeZone(): string {
  return displayZone;
}

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'sv-SE';
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale() + displayZone + JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), { timeZone: displayZone, ...options });
    cache.set(key, format);
  }
  return format;
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** "21 nov. 2024 12:00" */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}

/** "21 nov. 2024" */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '–';
  return dateFormat({ dateStyle: 'medium' }).format(toDate(value));
}

/** "21 nov. 12:00": compact, for lists within the current year. */
export function formatShort(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const date = toDate(value);
  const sameYear = stockholmParts(date).year === stockholmParts(new Date()).year;
  return dateFormat({
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatTime(value: string | Date): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    toDate(value),
  );
}

/** Calendar parts of an instant as a wall clock in the display time zone shows them. */
export function stockholmParts(date: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: displayZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** ISO 8601 week of a calendar date. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((date.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return { year: weekYear, week };
}

/** The period key ("2026-W48") of the week now in Stockholm. */
export function currentWeekKey(now = new Date()): string {
  const parts = stockholmParts(now);
  const { year, week } = isoWeek(parts.year, parts.month, parts.day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** "vecka 47" (this year) or "vecka 47 2024"; a day period shows its date. */
export function periodLabel(key: string | null | undefined): string {
  if (!key) return '–';
  if (/^\d{4}-W\d{2}$/.test(key)) {
    return weekLabel(key, i18n.language === 'en' ? 'en' : 'sv', new Date(), displayZone);
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (day) return formatDate(new Date(`${key}T12:00:00Z`));
  return key;
}

export function formatNumber(value: number | null | undefined, maximumFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(value);
}

/** "+3" / "−12,4" / "±0": the change beside a number. */
export function formatChange(value: number | null | undefined, maximumFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const rounded = Number(value.toFixed(maximumFractionDigits));
  if (rounded === 0) return '±0';
  const text = new Intl.NumberFormat(locale(), {
    maximumFractionDigits,
    signDisplay: 'always',
  }).format(rounded);
  return text.replace('-', '−');
}

/** "87 %" / "12 st" */
export function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  return `${value}\u00a0${unit}`;
}

/** A datetime-local input value ("2026-11-23T12:00") in Stockholm time → ISO instant. */
export function stockholmLocalToIso(local: string): string {
  const [datePart, timePart = '00:00'] = local.split('T');
  const [y, m, d] = (datePart ?? '').split('-').map(Number);
  const [hh, mm] = timePart.split(':').map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Correct by the offset Stockholm had at that moment (twice, for the DST edges).
  let instant = guess;
  for (let round = 0; round < 2; round += 1) {
    const parts = stockholmParts(new Date(instant));
    const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    instant += guess - shown;
  }
  return new Date(instant).toISOString();
}

/** Now in Stockholm as a datetime-local value. */
export function stockholmLocalNow(now = new Date()): string {
  const parts = stockholmParts(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/**
 * A date and time as typed in Swedish, "2026-12-07 14:00" (or 14.00, or with a T), as a
 * datetime-local value; null when it is no such date and time.
 */
export function parseLocalDateTime(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:\s+|T)(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!realDay || hour > 23 || minute > 59) return null;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${match[1]}-${match[2]}-${match[3]}T${pad(hour)}:${match[5]}`;
}

/** An instant as a Swedish date and time in the display time zone: "2026-12-07 14:00". */
export function localDateTimeText(instant: Date): string {
  return stockholmLocalNow(instant).replace('T', ' ');
}

/** Today's date in Stockholm, `2024-11-05`, as a date field wants it. */
export function stockholmToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: displayZone }).format(now);
}
