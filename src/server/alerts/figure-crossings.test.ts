import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossingOf } from './figure-crossings.ts';

const occupancy = { higher_is_worse: 1, yellow_threshold: 90, red_threshold: 95 };
const staffing = { higher_is_worse: 0, yellow_threshold: 25, red_threshold: 15 };

describe('crossingOf', () => {
  it('names the lines a rising or falling value passes, in the order it passes them', () => {
    assert.deepEqual(crossingOf(occupancy, 85, 96), {
      direction: 'up',
      lines: [
        { band: 'yellow', value: 90 },
        { band: 'red', value: 95 },
      ],
    });
    assert.deepEqual(crossingOf(occupancy, 96, 92), {
      direction: 'down',
      lines: [{ band: 'red', value: 95 }],
    });
  });

  it('counts reaching a line as passing it, and staying on one side as nothing', () => {
    assert.deepEqual(crossingOf(occupancy, 89, 90), {
      direction: 'up',
      lines: [{ band: 'yellow', value: 90 }],
    });
    assert.equal(crossingOf(occupancy, 91, 94), null);
    assert.equal(crossingOf(occupancy, 40, 89), null);
  });

  it('reads the lines downwards when a lower value is worse', () => {
    assert.deepEqual(crossingOf(staffing, 30, 10), {
      direction: 'down',
      lines: [
        { band: 'yellow', value: 25 },
        { band: 'red', value: 15 },
      ],
    });
    assert.deepEqual(crossingOf(staffing, 20, 26), {
      direction: 'up',
      lines: [{ band: 'yellow', value: 25 }],
    });
    assert.equal(crossingOf(staffing, 16, 20), null);
  });

  it('raises nothing for a figure without lines', () => {
    const plain = { higher_is_worse: 1, yellow_threshold: null, red_threshold: null };
    assert.equal(crossingOf(plain, 1, 1000), null);
  });
});
