import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { TIME_ZONE, shortPeriodLabel as periodShortLabel } from '../../core/time.ts';
import type { ReadinessLevel } from '../../contract/readiness.ts';

// Swedish wording for the data drawn into reports.

/** Where a key figure stands against its yellow and red thresholds. */
export const thresholdStatusNames: Record<'green' | 'yellow' | 'red', string> = {
  green: 'grönt',
  yellow: 'gult',
  red: 'rött',
};

export const areaLabels = {
  access_to_care_status: 'Tillgång till vård',
  patient_safety_status: 'Patientsäkerhet',
  staff_status: 'Medarbetare',
  it_programme_status: 'IT och program',
  communication_status: 'Kommunikation',
} as const;

export const toneNames: Record<string, string> = {
  positive: 'positiv',
  neutral: 'neutral',
  negative: 'negativ',
  mixed: 'blandad',
};

export const channelNames: Record<string, string> = {
  intranet: 'Intranätet',
  '1177': '1177.se',
  press_release: 'Pressmeddelande',
  press_conference: 'Presskonferens',
  social_media: 'Sociala medier',
  newsletter: 'Nyhetsbrev',
  other: 'Övrigt',
};

const categoryNames: Record<string, string> = {
  walk_in: 'gående patienter',
  ambulance: 'ambulanser',
  secondary_transport: 'sekundärtransporter',
};

export function diversionCategories(categories: string[]): string {
  const names = categories.map((category) => categoryNames[category] ?? category);
  const text =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names.at(-1)}` : (names[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Närhälsan" → "Närhälsans"; names already ending in s, x or z take no extra s. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** "5/11", or "5/11 kl. 14:00" with the time, in the time zone; plain dates are taken as they are. */
export function dayMonth(value: string, withTime = false, zone = TIME_ZONE): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [, month, day] = value.split('-');
    return `${Number(day)}/${Number(month)}`;
  }
  const pattern = withTime ? "d/M 'kl.' HH:mm" : 'd/M';
  return format(new Date(value), pattern, { in: tz(zone) });
}

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const fixedFormats = [0, 1, 2, 3].map(
  (digits) =>
    new Intl.NumberFormat('sv-SE', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }),
);

/** "1 234,5": at most one decimal, or exactly `decimals` when given. */
export function formatNumber(value: number, decimals?: number): string {
  return (decimals === undefined ? numberFormat : fixedFormats[decimals]!).format(value);
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
): string {
  const formatted = `${formatNumber(value, decimals)}${unit ? `\u00a0${unit}` : ''}`;
  if (change === undefined || change === null) return formatted;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${formatted} (${sign}${formatNumber(Math.abs(change), decimals)})`;
}

/** "vecka 47" or "18 november": a period without its year. */
/** A period in a report's Swedish: "vecka 5", with its year when it is not this year's. */
export function shortPeriodLabel(period: string): string {
  return periodShortLabel(period, 'sv');
}

export function actionState(state: string, dueAt: string | null, now: string): string {
  if (state === 'done') return 'Klar ✓';
  if (state === 'cancelled') return 'Avbruten';
  if (dueAt && dueAt < now) return 'Försenad ⚠';
  return state === 'in_progress' ? 'Pågår' : 'Öppen';
}

const monthNames = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2025-02-18" → "18 februari 2025". */
export function calendarDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${monthNames[month! - 1]} ${year}`;
}

export const readinessLevelNames: Record<ReadinessLevel, string> = {
  normal: 'Normalläge',
  stabsläge: 'Stabsläge',
  förstärkningsläge: 'Förstärkningsläge',
  katastrofläge: 'Katastrofläge',
};
