import { type Granularity, TIME_ZONE, periodOf, previousPeriod } from '../../core/time.ts';
import {
  type PlaceDirectory,
  latestPerUnit,
  placeKeyOf,
  totalAcrossUnits,
  withoutNoise,
} from './aggregation.ts';
import type { FigureRow, ObservationRow } from './repository.ts';

export type FigureStatus = 'green' | 'yellow' | 'red';

/** One place's latest value in a period. */
export interface PlaceValue {
  /** "unit:3", "facility:7" or "region". */
  place: string;
  /** Null for the region as a whole. */
  name: string | null;
  value: number;
  observedAt: string;
  status: FigureStatus | null;
}

export interface SeriesBucket {
  period: string;
  start: string;
  end: string;
  /** How many observations fall in the period. */
  count: number;
  /** Each place's latest value in the period. */
  places: PlaceValue[];
  /** The figure for the period (see aggregation.ts); null when the places' values do not add up. */
  value: number | null;
  /** Judged on the value; null without a value or without thresholds. */
  status: FigureStatus | null;
  /** The value minus that of the period just before, when both exist and have the same places. */
  change: number | null;
}

export interface Series {
  granularity: Granularity;
  buckets: SeriesBucket[];
  /** The last bucket's change. */
  change: number | null;
}

type SeriesFigure = Pick<
  FigureRow,
  'unit_of_measure' | 'higher_is_worse' | 'yellow_threshold' | 'red_threshold'
>;

export function statusOf(figure: SeriesFigure, value: number): FigureStatus | null {
  const { yellow_threshold: yellow, red_threshold: red } = figure;
  if (yellow === null && red === null) return null;
  const reaches = (threshold: number | null) =>
    threshold !== null && (figure.higher_is_worse === 1 ? value >= threshold : value <= threshold);
  if (reaches(red)) return 'red';
  if (reaches(yellow)) return 'yellow';
  return 'green';
}

/** Groups observations (oldest first) by day or ISO week in the time zone (Stockholm by default). */
export function buildSeries(
  figure: SeriesFigure,
  observations: ObservationRow[],
  granularity: Granularity,
  directory: PlaceDirectory,
  zone = TIME_ZONE,
): Series {
  const groups = new Map<string, { start: Date; end: Date; values: ObservationRow[] }>();
  let period: ReturnType<typeof periodOf> | null = null;
  for (const observation of observations) {
    const instant = new Date(observation.observed_at);
    // Observations come oldest first: compute a period only when one leaves the current one.
    if (!period || instant < period.start || instant >= period.end) {
      period = periodOf(instant, granularity, zone);
    }
    const group = groups.get(period.key) ?? { start: period.start, end: period.end, values: [] };
    group.values.push(observation);
    groups.set(period.key, group);
  }
  const buckets: SeriesBucket[] = [];
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) => a.start.getTime() - b.start.getTime(),
  );
  for (const [key, group] of ordered) {
    const latest = latestPerUnit(group.values);
    const value = totalAcrossUnits(figure.unit_of_measure, latest, directory.unitOfFacility);
    const bucket: SeriesBucket = {
      period: key,
      start: group.start.toISOString(),
      end: group.end.toISOString(),
      count: group.values.length,
      places: latest.map((row) => placeValueOf(figure, row, directory)),
      value,
      status: value === null ? null : statusOf(figure, value),
      change: null,
    };
    bucket.change = changeOf(bucket, buckets.at(-1));
    buckets.push(bucket);
  }
  return { granularity, buckets, change: buckets.at(-1)?.change ?? null };
}

function placeValueOf(
  figure: SeriesFigure,
  row: ObservationRow,
  directory: PlaceDirectory,
): PlaceValue {
  const place = placeKeyOf(row);
  return {
    place,
    name: place === 'region' ? null : (directory.names.get(place) ?? ''),
    value: row.value,
    observedAt: new Date(row.observed_at).toISOString(),
    status: statusOf(figure, row.value),
  };
}

/** The change from the period just before; a total over other places is no comparison. */
export function changeOf(
  bucket: Pick<SeriesBucket, 'period' | 'value' | 'places'>,
  previous: Pick<SeriesBucket, 'period' | 'value' | 'places'> | undefined,
): number | null {
  if (!previous || bucket.value === null || previous.value === null) return null;
  if (previousPeriod(bucket.period).key !== previous.period) return null;
  if (placesOf(bucket) !== placesOf(previous)) return null;
  return withoutNoise(bucket.value - previous.value);
}

function placesOf(bucket: Pick<SeriesBucket, 'places'>): string {
  return bucket.places
    .map((entry) => entry.place)
    .sort()
    .join(' ');
}
