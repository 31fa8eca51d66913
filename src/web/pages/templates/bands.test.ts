import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitOf } from './FigureBands.tsx';

describe('a band limit as typed', () => {
  it('reads a decimal comma or point', () => {
    assert.deepEqual(['95', '2,5', '2.5', ' -1 ', '0'].map(limitOf), [95, 2.5, 2.5, -1, 0]);
  });

  it('is not a number when empty or not a number, so the server refuses it beside the field', () => {
    for (const typed of ['', '  ', 'nittiofem', '1,2,3']) assert.ok(Number.isNaN(limitOf(typed)));
  });
});
