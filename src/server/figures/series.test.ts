import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlaceDirectory } from './aggregation.ts';
import type { FigureRow, ObservationRow } from './repository.ts';
import { buildSeries } from './series.ts';

const directory: PlaceDirectory = {
  names: new Map([
    ['unit:1', 'SÄS'],
    ['unit:2', 'NU-sjukvården'],
    ['unit:3', 'Skaraborgs Sjukhus'],
  ]),
  unitOfFacility: new Map(),
};

type Figure = Pick<
  FigureRow,
  'unit_of_measure' | 'higher_is_worse' | 'yellow_threshold' | 'red_threshold'
>;
const cases: Figure = {
  unit_of_measure: 'st',
  higher_is_worse: 1,
  yellow_threshold: 200,
  red_threshold: 500,
};
const occupancy: Figure = {
  ...cases,
  unit_of_measure: '%',
  yellow_threshold: 90,
  red_threshold: 100,
};

let nextId = 1;

/** Observations in time order, as the repository returns them. */
function rows(entries: [unit: number, value: number, observedAt: string][]): ObservationRow[] {
  return entries.map(([unit, value, observedAt]) => ({
    id: nextId++,
    event_id: 1,
    definition_id: 1,
    value,
    observed_at: observedAt,
    unit_id: unit,
    facility_id: null,
    source: 'test',
    internal: 0,
    entered_by: null,
    created_at: observedAt,
    version: 1,
    client_key: null,
  }));
}

describe('buildSeries', () => {
  it('gives a week with 1000, 1100 and 1300 the value 1300', () => {
    const series = buildSeries(
      cases,
      rows([
        [1, 1000, '2024-11-18T08:00:00Z'],
        [1, 1100, '2024-11-19T08:00:00Z'],
        [1, 1300, '2024-11-20T08:00:00Z'],
      ]),
      'week',
      directory,
    );
    assert.deepEqual(
      series.buckets.map((bucket) => [bucket.period, bucket.count, bucket.value, bucket.status]),
      [['2024-W47', 3, 1300, 'red']],
    );
  });

  it('adds the units’ latest values and compares with the week before on the same units', () => {
    const series = buildSeries(
      cases,
      rows([
        [1, 560, '2024-11-18T08:00:00Z'],
        [2, 170, '2024-11-18T08:00:00Z'],
        [3, 30, '2024-11-18T08:00:00Z'],
        [1, 380, '2024-11-21T08:00:00Z'],
        [2, 120, '2024-11-21T08:00:00Z'],
        [3, 20, '2024-11-21T08:00:00Z'],
        [1, 900, '2024-11-12T08:00:00Z'],
        [2, 300, '2024-11-12T08:00:00Z'],
        [3, 50, '2024-11-12T08:00:00Z'],
      ]).sort((a, b) => a.observed_at.localeCompare(b.observed_at)),
      'week',
      directory,
    );
    const last = series.buckets.at(-1)!;
    assert.equal(last.value, 520);
    assert.equal(last.status, 'red');
    assert.deepEqual(
      last.places.map((place) => [place.name, place.value, place.status]),
      [
        ['SÄS', 380, 'yellow'],
        ['NU-sjukvården', 120, 'green'],
        ['Skaraborgs Sjukhus', 20, 'green'],
      ],
    );
    assert.equal(series.buckets[0]!.value, 1250);
    assert.equal(series.change, 520 - 1250);
  });

  it('gives no change when the week before had values from other units', () => {
    const series = buildSeries(
      cases,
      rows([
        [1, 100, '2024-11-12T08:00:00Z'],
        [1, 120, '2024-11-19T08:00:00Z'],
        [2, 30, '2024-11-19T08:00:00Z'],
      ]),
      'week',
      directory,
    );
    assert.deepEqual(
      series.buckets.map((bucket) => bucket.value),
      [100, 150],
    );
    assert.equal(series.change, null);
  });

  it('shows a percentage per unit and no total when several units report it', () => {
    const series = buildSeries(
      occupancy,
      rows([
        [1, 104.4, '2024-11-18T06:00:00Z'],
        [2, 92, '2024-11-18T06:00:00Z'],
        [1, 88.7, '2024-11-21T06:00:00Z'],
      ]),
      'week',
      directory,
    );
    const [bucket] = series.buckets;
    assert.equal(bucket!.value, null);
    assert.equal(bucket!.status, null);
    assert.deepEqual(
      bucket!.places.map((place) => [place.name, place.value, place.status]),
      [
        ['SÄS', 88.7, 'green'],
        ['NU-sjukvården', 92, 'yellow'],
      ],
    );
  });
});
