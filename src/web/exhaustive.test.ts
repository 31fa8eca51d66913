import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allOf } from './exhaustive.ts';

type Colour = 'red' | 'green' | 'blue';

test('a list that names every member keeps its order', () => {
  assert.deepEqual(allOf<Colour>()(['blue', 'red', 'green']), ['blue', 'red', 'green']);
});

test('a list that misses a member or names a stranger does not type-check', () => {
  // @ts-expect-error 'blue' is missing
  allOf<Colour>()(['red', 'green']);
  // @ts-expect-error 'pink' is not a colour
  allOf<Colour>()(['red', 'green', 'blue', 'pink']);
});
