import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Observed,
  atTimeOfLastDay,
  averageOf,
  isCount,
  maxOf,
  minOf,
  sumOf,
  totalByRule,
  valueAtTime,
  valueByRule,
  latestOf,
  latestPerUnit,
  totalAcrossUnits,
} from './aggregation.ts';

let nextId = 1;

function observed(
  value: number,
  observedAt: string,
  place: { unit?: number; facility?: number } = {},
  id = nextId++,
): Observed {
  return {
    id,
    value,
    observed_at: observedAt,
    unit_id: place.unit ?? null,
    facility_id: place.facility ?? null,
  };
}

const noFacilities = new Map<number, number>();

describe('latestPerUnit', () => {
  it('takes a unit’s last value in the period, never the average', () => {
    const rows = [
      observed(1000, '2024-11-18T08:00:00Z', { unit: 1 }),
      observed(1100, '2024-11-19T08:00:00Z', { unit: 1 }),
      observed(1300, '2024-11-20T08:00:00Z', { unit: 1 }),
    ];
    assert.deepEqual(
      latestPerUnit(rows).map((row) => row.value),
      [1300],
    );
  });

  it('goes by the observation time, not by the order the values arrive in', () => {
    const rows = [
      observed(1300, '2024-11-20T08:00:00Z', { unit: 1 }),
      observed(1000, '2024-11-18T08:00:00Z', { unit: 1 }),
    ];
    assert.equal(latestOf(rows)?.value, 1300);
  });

  it('breaks a tie of observation times by the later insertion', () => {
    const rows = [
      observed(7, '2024-11-20T08:00:00Z', { unit: 1 }, 51),
      observed(5, '2024-11-20T08:00:00+00:00', { unit: 1 }, 50),
    ];
    assert.equal(latestOf(rows)?.value, 7);
  });

  it('keeps the unit, each facility and the region apart', () => {
    const rows = [
      observed(1, '2024-11-18T08:00:00Z', { unit: 1 }),
      observed(2, '2024-11-18T08:00:00Z', { facility: 1 }),
      observed(3, '2024-11-18T08:00:00Z'),
      observed(4, '2024-11-19T08:00:00Z', { unit: 1 }),
    ];
    assert.deepEqual(
      latestPerUnit(rows).map((row) => row.value),
      [4, 2, 3],
    );
  });
});

describe('totalAcrossUnits', () => {
  const accessCases = [
    observed(560, '2024-11-18T08:00:00Z', { unit: 1 }),
    observed(170, '2024-11-18T08:00:00Z', { unit: 2 }),
    observed(30, '2024-11-18T08:00:00Z', { unit: 3 }),
    observed(380, '2024-11-21T08:00:00Z', { unit: 1 }),
    observed(120, '2024-11-21T08:00:00Z', { unit: 2 }),
    observed(20, '2024-11-21T08:00:00Z', { unit: 3 }),
  ];

  it('adds the units’ latest values of a count: 380 + 120 + 20 = 520', () => {
    assert.equal(totalAcrossUnits('st', latestPerUnit(accessCases), noFacilities), 520);
  });

  it('adds no percentages: occupancy at two hospitals has no total', () => {
    const occupancy = [
      observed(88.7, '2024-11-21T06:00:00Z', { unit: 1 }),
      observed(95, '2024-11-21T06:00:00Z', { unit: 2 }),
    ];
    assert.equal(totalAcrossUnits('%', latestPerUnit(occupancy), noFacilities), null);
  });

  it('gives one place’s value as it is, whatever the kind of figure', () => {
    const one = [observed(88.7, '2024-11-21T06:00:00Z', { unit: 1 })];
    assert.equal(totalAcrossUnits('%', one, noFacilities), 88.7);
    assert.equal(totalAcrossUnits('min', one, noFacilities), 88.7);
  });

  it('does not add the region’s own value to the units’', () => {
    const rows = [
      observed(9, '2024-11-21T06:00:00Z'),
      observed(14, '2024-11-21T06:00:00Z', { unit: 1 }),
    ];
    assert.equal(totalAcrossUnits('st', rows, noFacilities), null);
  });

  it('does not add a facility to its own unit, but does to another unit', () => {
    const facilityOfUnit1 = new Map([[10, 1]]);
    const facility = observed(14, '2024-11-21T06:00:00Z', { facility: 10 });
    const ownUnit = observed(20, '2024-11-21T06:00:00Z', { unit: 1 });
    const otherUnit = observed(5, '2024-11-21T06:00:00Z', { unit: 2 });
    assert.equal(totalAcrossUnits('st', [facility, ownUnit], facilityOfUnit1), null);
    assert.equal(totalAcrossUnits('st', [facility, otherUnit], facilityOfUnit1), 19);
  });

  it('has no total without observations, and a sum without binary noise', () => {
    assert.equal(totalAcrossUnits('st', [], noFacilities), null);
    const tenths = [
      observed(0.1, '2024-11-21T06:00:00Z', { unit: 1 }),
      observed(0.2, '2024-11-21T06:00:00Z', { unit: 2 }),
    ];
    assert.equal(totalAcrossUnits('st', tenths, noFacilities), 0.3);
  });
});

describe('isCount', () => {
  it('knows counts by their unit of measure, and nothing else', () => {
    assert.deepEqual(
      ['st', ' St ', 'antal', 'patienter', 'vårdplatser', '%', 'min', ''].map(isCount),
      [true, true, true, true, true, false, false, false],
    );
  });
});

describe('the value rules of a key-figure block', () => {
  const week = [
    observed(40, '2024-11-18T06:30:00Z', { unit: 1 }),
    observed(10, '2024-11-20T07:00:00Z', { unit: 1 }),
    observed(25, '2024-11-20T07:00:01Z', { unit: 1 }),
    observed(30, '2024-11-22T06:00:00Z', { unit: 1 }),
  ];

  it('reads the latest, sum, max, min and average of one unit’s observations', () => {
    assert.deepEqual(
      (['latest', 'sum', 'max', 'min', 'average'] as const).map((rule) => valueByRule(rule, week)),
      [30, 105, 40, 10, 26.25],
    );
    assert.deepEqual([sumOf([]), maxOf([]), minOf([]), averageOf([])], [null, null, null, null]);
  });

  it('takes the value observed last at or before the instant', () => {
    assert.equal(valueAtTime(week, new Date('2024-11-20T07:00:00Z')), 10);
    assert.equal(valueAtTime(week, new Date('2024-11-20T07:00:00.500Z')), 10);
    assert.equal(valueAtTime(week, new Date('2024-11-20T07:00:01Z')), 25);
    assert.equal(valueAtTime(week, new Date('2024-11-18T06:00:00Z')), null);
    assert.equal(valueByRule('at_time', week, new Date('2024-11-21T00:00:00Z')), 25);
  });

  it('reads 08:00 on the period’s last day in the event’s zone, in winter and in summer', () => {
    const winterWeek = { end: new Date('2024-11-24T23:00:00Z') };
    assert.equal(
      atTimeOfLastDay(winterWeek, '08:00', 'Europe/Stockholm').toISOString(),
      '2024-11-24T07:00:00.000Z',
    );
    const summerDay = { end: new Date('2024-07-01T22:00:00Z') };
    assert.equal(
      atTimeOfLastDay(summerDay, '08:00', 'Europe/Stockholm').toISOString(),
      '2024-07-01T06:00:00.000Z',
    );
    // The day clocks go back (27 October 2024) has 25 hours; 08:00 is already winter time.
    const fallBackDay = { end: new Date('2024-10-27T23:00:00Z') };
    assert.equal(
      atTimeOfLastDay(fallBackDay, '08:00', 'Europe/Stockholm').toISOString(),
      '2024-10-27T07:00:00.000Z',
    );
    assert.equal(
      atTimeOfLastDay(summerDay, '08:00', 'America/New_York').toISOString(),
      '2024-07-01T12:00:00.000Z',
    );
  });

  it('adds a count’s per-unit values for latest, at_time and sum, never for max, min or mean', () => {
    assert.equal(totalByRule('latest', 'st', [380, 120, 20]), 520);
    assert.equal(totalByRule('at_time', 'patienter', [0.1, 0.2]), 0.3);
    assert.equal(totalByRule('sum', 'st', [5, 6]), 11);
    assert.deepEqual(
      (['max', 'min', 'average'] as const).map((rule) => totalByRule(rule, 'st', [5, 6])),
      [null, null, null],
    );
    assert.equal(totalByRule('latest', '%', [88.7, 92]), null);
    assert.equal(totalByRule('average', '%', [88.7]), 88.7);
    assert.equal(totalByRule('latest', 'st', []), null);
  });
});
