import { type Granularity, periodOf, previousPeriod } from '../../core/time.ts';
import type { FigureRow, ObservationRow } from './repository.ts';

export type FigureStatus = 'green' | 'yellow' | 'red';

export interface SeriesBucket {
  period: string;
  start: string;
  end: string;
  count: number;
  average: number;
  last: number;
  lastObservedAt: string;
  /** Judged on the bucket's average; null when the figure has no thresholds. */
  status: FigureStatus | null;
}

export interface Series {
  granularity: Granularity;
  buckets: SeriesBucket[];
  /** Average of the last bucket minus that of the period just before it; null without both. */
  change: number | null;
}

type Thresholds = Pick<FigureRow, 'higher_is_worse' | 'yellow_threshold' | 'red_threshold'>;

export function statusOf(figure: Thresholds, value: number): FigureStatus | null {
  const { yellow_threshold: yellow, red_threshold: red } = figure;
  if (yellow === null && red === null) return null;
  const reaches = (threshold: number | null) =>
    threshold !== null && (figure.higher_is_worse === 1 ? value >= threshold : value <= threshold);
  if (reaches(red)) return 'red';
  if (reaches(yellow)) return 'yellow';
  return 'green';
}

/** Groups observations (oldest first) by Stockholm day or ISO week. */
export function buildSeries(
  figure: Thresholds,
  observations: ObservationRow[],
  granularity: Granularity,
): Series {
  const groups = new Map<string, { start: Date; end: Date; values: ObservationRow[] }>();
  let period: ReturnType<typeof periodOf> | null = null;
  for (const observation of observations) {
    const instant = new Date(observation.observed_at);
    // Observations come oldest first: compute a period only when one leaves the current one.
    if (!period || instant < period.start || instant >= period.end) {
      period = periodOf(instant, granularity);
    }
    const group = groups.get(period.key) ?? { start: period.start, end: period.end, values: [] };
    group.values.push(observation);
    groups.set(period.key, group);
  }
  const buckets = [...groups.entries()]
    .sort(([, a], [, b]) => a.start.getTime() - b.start.getTime())
    .map(([key, group]): SeriesBucket => {
      const sum = group.values.reduce((total, observation) => total + observation.value, 0);
      const average = round(sum / group.values.length);
      const last = group.values.at(-1)!;
      return {
        period: key,
        start: group.start.toISOString(),
        end: group.end.toISOString(),
        count: group.values.length,
        average,
        last: last.value,
        lastObservedAt: last.observed_at,
        status: statusOf(figure, average),
      };
    });
  return { granularity, buckets, change: changeOf(buckets) };
}

function changeOf(buckets: SeriesBucket[]): number | null {
  const last = buckets.at(-1);
  const previous = buckets.at(-2);
  if (!last || !previous || previousPeriod(last.period).key !== previous.period) return null;
  return round(last.average - previous.average);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
