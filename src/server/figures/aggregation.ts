import { type ValueRule, addingRules } from '../../contract/block-params.ts';
import { periodOf, zonedLocalToInstant } from '../../core/time.ts';
import type { ObservationRow } from './repository.ts';

// How a key figure is read over a period and across places: the one rule that the series, the
// dashboard, the charts, the reports and the exchange formats all follow
// (docs/decisions/007-figures-latest-value-per-unit.md). Values are never averaged.
//
// - A place is a unit, a facility, or the region as a whole.
// - Per place, the figure for a period is its latest observation in the period: the one observed
//   last, and of two observed at the same instant the one stored last (the higher id).
// - Across places, a count adds those latest values. A figure whose values do not add up (a
//   percentage, a waiting time) gets no total: its parts are not in the data, so only each
//   place's value is shown. One place's value is the figure's value whatever its kind.
// - Places that may contain one another (the region and anything else, a unit and one of its
//   facilities) are not added either, since the larger may already include the smaller.

export type Observed = Pick<
  ObservationRow,
  'id' | 'value' | 'observed_at' | 'unit_id' | 'facility_id'
>;

/** Which facilities belong to which unit: facility id → unit id. */
export type UnitOfFacility = ReadonlyMap<number, number>;

/** What is known of the places: names by place key (the region has none), facilities' units. */
export interface PlaceDirectory {
  names: ReadonlyMap<string, string>;
  unitOfFacility: UnitOfFacility;
}

/** "unit:3", "facility:7" or "region". */
export function placeKeyOf(row: Pick<ObservationRow, 'unit_id' | 'facility_id'>): string {
  if (row.facility_id !== null) return `facility:${row.facility_id}`;
  if (row.unit_id !== null) return `unit:${row.unit_id}`;
  return 'region';
}

/** Whether `a` is later than `b`: by observation time, then by insertion id. */
export function isLater(a: Observed, b: Observed): boolean {
  const difference = Date.parse(a.observed_at) - Date.parse(b.observed_at);
  return difference === 0 ? a.id > b.id : difference > 0;
}

/** The latest of the observations, whatever order they come in. */
export function latestOf<T extends Observed>(rows: T[]): T | undefined {
  return rows.reduce<T | undefined>(
    (latest, row) => (latest === undefined || isLater(row, latest) ? row : latest),
    undefined,
  );
}

/** Each place's latest observation, places in the order they first appear. */
export function latestPerUnit<T extends Observed>(rows: T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const key = placeKeyOf(row);
    const current = latest.get(key);
    if (current === undefined || isLater(row, current)) latest.set(key, row);
  }
  return [...latest.values()];
}

/** Units of measure that name pieces or what is counted; compared trimmed and in lower case. */
export const countUnits: ReadonlySet<string> = new Set([
  'st',
  'st.',
  'stycken',
  'antal',
  'personer',
  'patienter',
  'platser',
  'vårdplatser',
  'ärenden',
  'artiklar',
]);

/** A count adds up across places; a percentage, a time or a figure without a unit does not. */
export function isCount(unitOfMeasure: string): boolean {
  return countUnits.has(unitOfMeasure.trim().toLowerCase());
}

/**
 * The figure across places, from each place's latest value: one place's value as it is, the sum
 * for a count, and null where adding would be wrong (not a count, or places that overlap).
 */
export function totalAcrossUnits(
  unitOfMeasure: string,
  latest: Observed[],
  unitOfFacility: UnitOfFacility,
): number | null {
  if (latest.length === 1) return latest[0]!.value;
  if (latest.length === 0 || !isCount(unitOfMeasure) || overlap(latest, unitOfFacility)) {
    return null;
  }
  return withoutNoise(latest.reduce((total, row) => total + row.value, 0));
}

/** Drops binary floating-point noise, as in 0.1 + 0.2 = 0.30000000000000004. */
export function withoutNoise(value: number): number {
  return Number(value.toPrecision(12));
}

function overlap(latest: Observed[], unitOfFacility: UnitOfFacility): boolean {
  const wholeUnits = new Set(
    latest.flatMap((row) =>
      row.facility_id === null && row.unit_id !== null ? [row.unit_id] : [],
    ),
  );
  return latest.some((row) => {
    if (row.facility_id === null) return row.unit_id === null;
    const unit = unitOfFacility.get(row.facility_id);
    return unit !== undefined && wholeUnits.has(unit);
  });
}

// The value rules a key-figure block may choose per figure (src/contract/block-params.ts). Each
// reads one place's observations in one period; across places only a count's values add up.

/** The latest observation at or before an instant: the value at a time of day. */
export function valueAtTime(rows: Observed[], instant: Date): number | null {
  return (
    latestOf(rows.filter((row) => Date.parse(row.observed_at) <= instant.getTime()))?.value ?? null
  );
}

export function sumOf(rows: Observed[]): number | null {
  return rows.length === 0 ? null : withoutNoise(rows.reduce((sum, row) => sum + row.value, 0));
}

export function maxOf(rows: Observed[]): number | null {
  return rows.length === 0 ? null : Math.max(...rows.map((row) => row.value));
}

export function minOf(rows: Observed[]): number | null {
  return rows.length === 0 ? null : Math.min(...rows.map((row) => row.value));
}

/** The mean of one place's observations; never of several places' values. */
export function averageOf(rows: Observed[]): number | null {
  const sum = sumOf(rows);
  return sum === null ? null : withoutNoise(sum / rows.length);
}

/**
 * The instant the at_time rule reads: the wall-clock time on the period's last day in the time
 * zone (08:00 is 07:00 UTC in winter and 06:00 UTC in summer in Stockholm).
 */
export function atTimeOfLastDay(period: { end: Date }, time: string, zone: string): Date {
  const lastDay = periodOf(new Date(period.end.getTime() - 1), 'day', zone).key;
  return zonedLocalToInstant(lastDay, time, zone);
}

/**
 * One place's value in a period by the rule, from its observations in the period; `atInstant`
 * is the moment the at_time rule reads (see `instantOfLocalTime`).
 */
export function valueByRule(rule: ValueRule, rows: Observed[], atInstant?: Date): number | null {
  switch (rule) {
    case 'latest':
      return latestOf(rows)?.value ?? null;
    case 'at_time':
      return atInstant ? valueAtTime(rows, atInstant) : null;
    case 'sum':
      return sumOf(rows);
    case 'max':
      return maxOf(rows);
    case 'min':
      return minOf(rows);
    case 'average':
      return averageOf(rows);
  }
}

/** Whether places' values by the rule add up: latest, at a time, or summed. */
export function ruleAdds(rule: ValueRule): boolean {
  return addingRules.includes(rule);
}

/** A percentage from its parts, 100 × part ÷ whole; none of a whole of nothing. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? withoutNoise((100 * part) / whole) : null;
}

/**
 * The places' values added up, for a count read by a rule whose values add: each place's latest,
 * its value at a time, or its sum. A maximum, minimum or mean per place adds to nothing anyone
 * reported, so those rules, like a figure that is not a count, get no total.
 */
export function totalByRule(
  rule: ValueRule,
  unitOfMeasure: string,
  values: number[],
): number | null {
  if (values.length === 1) return values[0]!;
  if (values.length === 0 || !isCount(unitOfMeasure) || !ruleAdds(rule)) return null;
  return withoutNoise(values.reduce((total, value) => total + value, 0));
}
