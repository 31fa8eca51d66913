import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDateText, showDateValue } from './date-text.ts';

test('a date reads in the ways people in Sweden write it', () => {
  for (const text of [
    '2026-12-07',
    ' 2026-12-7 ',
    '20261207',
    '7/12 2026',
    '7/12-2026',
    '07.12.2026',
    '7 dec 2026',
    '7 dec. 2026',
    '7 December 2026',
  ]) {
    assert.equal(readDateText(text, 'date'), '2026-12-07', text);
  }
});

test('a date and time reads with a space, a T, a comma or "kl." between them', () => {
  for (const text of [
    '2026-12-07 14:30',
    '2026-12-07T14:30',
    '2026-12-07 14.30',
    '2026-12-07 1430',
    '7/12 2026 kl. 14.30',
    '7 dec 2026, 14:30',
    '7 dec 2026 kl 14:30',
  ]) {
    assert.equal(readDateText(text, 'datetime'), '2026-12-07T14:30', text);
  }
  assert.equal(readDateText('2026-03-01 9.05', 'datetime'), '2026-03-01T09:05');
});

test('what is not a date, or not a real one, reads as nothing', () => {
  for (const text of ['', 'i morgon', '2026-02-30', '31/4 2026', '2026-13-01', '7 foo 2026']) {
    assert.equal(readDateText(text, 'date'), null, text);
  }
  for (const text of ['2026-12-07', '2026-12-07 24:00', '2026-12-07 14:60', '14:30']) {
    assert.equal(readDateText(text, 'datetime'), null, text);
  }
});

test('a value shows with a space between date and time', () => {
  assert.equal(showDateValue('2026-12-07T14:30'), '2026-12-07 14:30');
  assert.equal(showDateValue('2026-12-07'), '2026-12-07');
});

test('a week reads as "v. 49 2026", "vecka 49 2026" or the ISO key "2026-W49"', () => {
  for (const text of [
    '2026-W49',
    '2026-w49',
    '2026W49',
    '2026 W49',
    'v. 49 2026',
    'V 49 2026',
    'v49 2026',
    'v.49-2026',
    'vecka 49 2026',
    'Vecka 49, 2026',
    'week 49 2026',
    '2026 v. 49',
    '2026 vecka 49',
  ]) {
    assert.equal(readDateText(text, 'week'), '2026-W49', text);
  }
  assert.equal(readDateText('v. 3 2027', 'week'), '2027-W03');
});

test('week 53 reads only in a year that has it, and a week without its year not at all', () => {
  assert.equal(readDateText('v. 53 2026', 'week'), '2026-W53');
  for (const text of [
    'v. 53 2025',
    '2027-W53',
    'v. 0 2026',
    '2026-W54',
    'v. 49',
    '49',
    '2026-12-07',
  ]) {
    assert.equal(readDateText(text, 'week'), null, text);
  }
});
