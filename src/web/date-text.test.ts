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
