import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  currentWeekKey,
  formatChange,
  formatDateTime,
  formatNumber,
  isoWeek,
  periodLabel,
  stockholmLocalToIso,
  withUnit,
} from './format.ts';

test('weeks are ISO weeks, labelled "vecka 47"', () => {
  assert.deepEqual(isoWeek(2024, 12, 30), { year: 2025, week: 1 });
  assert.deepEqual(isoWeek(2021, 1, 3), { year: 2020, week: 53 });
  assert.equal(currentWeekKey(new Date('2024-11-22T12:00:00Z')), '2024-W47');
  // Sunday 23:30 in Stockholm is still the same week, though UTC says so too late.
  assert.equal(currentWeekKey(new Date('2024-11-24T22:30:00Z')), '2024-W47');
  assert.equal(currentWeekKey(new Date('2024-11-24T23:30:00Z')), '2024-W48');
  assert.equal(periodLabel('2024-W47'), 'vecka 47 2024');
  assert.equal(periodLabel(currentWeekKey()), `vecka ${Number(currentWeekKey().slice(6))}`);
});

test('numbers use the Swedish format with their change beside them', () => {
  assert.equal(formatNumber(94.34), '94,3');
  assert.equal(formatNumber(1234567), '1\u00a0234\u00a0567');
  assert.equal(formatChange(3), '+3');
  assert.equal(formatChange(-12.43), '−12,4');
  assert.equal(formatChange(0.01), '±0');
  assert.equal(`${withUnit(formatNumber(87), '%')} (${formatChange(3)})`, '87\u00a0% (+3)');
});

test('times are Europe/Stockholm, also across daylight saving', () => {
  assert.equal(formatDateTime('2024-11-22T13:00:00Z'), '22 nov. 2024 14:00');
  assert.equal(formatDateTime('2024-07-01T08:00:00Z'), '1 juli 2024 10:00');
  assert.equal(stockholmLocalToIso('2024-11-22T14:00'), '2024-11-22T13:00:00.000Z');
  assert.equal(stockholmLocalToIso('2024-07-01T10:00'), '2024-07-01T08:00:00.000Z');
});
