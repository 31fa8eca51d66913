import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import {
  type ReportWording,
  formatReportNumber,
  reportWording,
} from '../../core/report-wording.ts';
import { TIME_ZONE, shortPeriodLabel as periodShortLabel } from '../../core/time.ts';

// The wording of the data drawn into reports, in the report's language (`core/report-wording.ts`);
// Swedish when none is given.

const SWEDISH = reportWording('sv');

/** "Gående patienter och ambulanser": the categories a diversion sends elsewhere. */
export function diversionCategories(categories: string[], words = SWEDISH): string {
  const names = categories.map((category) => words.diversionCategories[category] ?? category);
  const text =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} ${words.and} ${names.at(-1)}`
      : (names[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Närhälsan" → "Närhälsans"; names already ending in s, x or z take no extra s. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/**
 * "5/11", or "5/11 kl. 14:00" ("5/11 at 14:00") with the time, in the time zone; plain dates are
 * taken as they are.
 */
export function dayMonth(
  value: string,
  withTime = false,
  zone = TIME_ZONE,
  words: ReportWording = SWEDISH,
): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [, month, day] = value.split('-');
    return `${Number(day)}/${Number(month)}`;
  }
  const pattern = withTime ? `d/M '${words.atTime}' HH:mm` : 'd/M';
  return format(new Date(value), pattern, { in: tz(zone) });
}

/** "1 234,5" ("1,234.5"): at most one decimal, or exactly `decimals` when given. */
export function formatNumber(value: number, decimals?: number, words = SWEDISH): string {
  return formatReportNumber(value, words, 1, decimals);
}

/**
 * "87 % (+3)": the value with its unit, and the change since the period before when known; with
 * `decimals`, both with exactly that many decimals.
 */
export function formatFigure(
  value: number,
  unit: string,
  change?: number | null,
  decimals?: number,
  words = SWEDISH,
): string {
  const formatted = `${formatNumber(value, decimals, words)}${unit ? `\u00a0${unit}` : ''}`;
  if (change === undefined || change === null) return formatted;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${formatted} (${sign}${formatNumber(Math.abs(change), decimals, words)})`;
}

/** A period in the report's language: "vecka 5" ("week 5"), with its year when not this year's. */
export function shortPeriodLabel(period: string, words = SWEDISH): string {
  return periodShortLabel(period, words.language);
}

export function actionState(
  state: string,
  dueAt: string | null,
  now: string,
  words = SWEDISH,
): string {
  if (state === 'done') return words.actionStates.done;
  if (state === 'cancelled') return words.actionStates.cancelled;
  if (dueAt && dueAt < now) return words.actionStates.late;
  return state === 'in_progress' ? words.actionStates.in_progress : words.actionStates.open;
}

/** "2025-02-18" → "18 februari 2025" ("18 February 2025"). */
export function calendarDate(date: string, words = SWEDISH): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${words.months[month! - 1]} ${year}`;
}
