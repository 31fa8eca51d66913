import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventUnit } from '../../contract/event-units.ts';
import type { Completeness } from '../../contract/situations.ts';
import { completenessByGroup } from './completeness-groups.ts';

function unit(unitId: number, code: string, parentUnitId: number | null, depth: number): EventUnit {
  return {
    unitId,
    code,
    name: `Enhet ${code}`,
    shortName: code,
    kind: 'other',
    parentUnitId,
    depth,
  };
}

/** Riket › Norr › (AC, BD), Riket › Söder › (M, K), and a unit outside every group. */
const order = [
  unit(1, 'RIKET', null, 0),
  unit(2, 'NORR', 1, 1),
  unit(3, 'AC', 2, 2),
  unit(4, 'BD', 2, 2),
  unit(5, 'SODER', 1, 1),
  unit(6, 'M', 5, 2),
  unit(7, 'K', 5, 2),
  unit(8, 'FRI', null, 0),
];

function requested(
  unitId: number,
  state: Completeness['units'][number]['state'],
  late = false,
): Completeness['units'][number] {
  const code = order.find((item) => item.unitId === unitId)!.code;
  return { unitId, code, name: `Enhet ${code}`, shortName: code, state, late, submittedAt: null };
}

describe('completeness rolled up the hierarchy', () => {
  it('counts each group’s requested units at any depth: expected, reported, late', () => {
    const groups = completenessByGroup(order, [
      requested(3, 'submitted'),
      requested(4, 'missing', true),
      requested(6, 'accepted'),
      requested(7, 'draft', true),
      requested(8, 'returned'),
    ]);
    assert.deepEqual(
      groups.map((group) => [group.code, group.depth, group.expected, group.reported, group.late]),
      [
        ['RIKET', 0, 4, 2, 2],
        ['NORR', 1, 2, 1, 1],
        ['SODER', 1, 2, 1, 1],
      ],
    );
  });

  it('leaves out groups with no requested unit under them, and never counts a group as its own unit', () => {
    const groups = completenessByGroup(order, [requested(2, 'submitted'), requested(6, 'missing')]);
    assert.deepEqual(
      groups.map((group) => [group.code, group.expected, group.reported]),
      [
        ['RIKET', 2, 1],
        ['SODER', 1, 0],
      ],
    );
  });

  it('gives no groups for a flat list of units', () => {
    const flat = [unit(3, 'AC', null, 0), unit(4, 'BD', null, 0)];
    assert.deepEqual(
      completenessByGroup(flat, [requested(3, 'draft'), requested(4, 'missing')]),
      [],
    );
  });
});
