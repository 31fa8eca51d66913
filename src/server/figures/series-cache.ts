import { LRUCache } from 'lru-cache';
import type { Granularity } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import {
  type FigureRow,
  type ObservationFilter,
  type Visibility,
  allObservations,
  observationsFingerprint,
} from './repository.ts';
import { type Series, buildSeries } from './series.ts';

const cachedSeriesLimit = 1_000;

/**
 * A figure's series, built once per change of its observations or thresholds: a dashboard's
 * viewers all ask for the same few series after every change, and building one reads every
 * observation of the figure. A cached series is used only while the figure's fingerprint is
 * unchanged, so an observation committed through any node is in the next answer.
 */
export class SeriesCache {
  private readonly entries = new LRUCache<string, { fingerprint: string; series: Series }>({
    max: cachedSeriesLimit,
  });

  constructor(private readonly db: Db) {}

  async seriesOf(
    figure: FigureRow,
    granularity: Granularity,
    filter: ObservationFilter,
    visibility: Visibility,
  ): Promise<Series> {
    const key = JSON.stringify([figure.id, figure.version, granularity, filter, visibility]);
    const fingerprint = await observationsFingerprint(this.db, figure.id);
    const cached = this.entries.get(key);
    if (cached?.fingerprint === fingerprint) return cached.series;
    const observations = await allObservations(this.db, figure.id, filter, visibility);
    const series = buildSeries(figure, observations, granularity);
    this.entries.set(key, { fingerprint, series });
    return series;
  }
}
