// The event's units as the editor holds them: a flat list depth first, each row with its depth.
// A row's subtree is the row and the deeper rows right after it; every change moves whole
// subtrees, so a row is never deeper than one more than the row before it.
import type { EventUnit } from '../../../contract/event-units.ts';

export type TreeRow = Pick<EventUnit, 'unitId' | 'code' | 'name' | 'shortName' | 'kind' | 'depth'>;

/** The end (exclusive) of the subtree that starts at `index`. */
function subtreeEnd(rows: TreeRow[], index: number): number {
  const depth = rows[index]!.depth;
  let end = index + 1;
  while (end < rows.length && rows[end]!.depth > depth) end += 1;
  return end;
}

/** The previous row on the same level under the same parent, if any. */
function previousSibling(rows: TreeRow[], index: number): number | null {
  const depth = rows[index]!.depth;
  for (let at = index - 1; at >= 0; at -= 1) {
    if (rows[at]!.depth === depth) return at;
    if (rows[at]!.depth < depth) return null;
  }
  return null;
}

function shifted(rows: TreeRow[], by: number): TreeRow[] {
  return rows.map((row) => ({ ...row, depth: row.depth + by }));
}

/** Moves the row (with its members) before its previous sibling or after its next one. */
export function moveRow(rows: TreeRow[], index: number, direction: 'up' | 'down'): TreeRow[] {
  if (direction === 'up') {
    const before = previousSibling(rows, index);
    if (before === null) return rows;
    const end = subtreeEnd(rows, index);
    return [
      ...rows.slice(0, before),
      ...rows.slice(index, end),
      ...rows.slice(before, index),
      ...rows.slice(end),
    ];
  }
  const end = subtreeEnd(rows, index);
  if (end >= rows.length || rows[end]!.depth !== rows[index]!.depth) return rows;
  return moveRow(rows, end, 'up');
}

/** Puts the row (with its members) under its previous sibling, as its last member. */
export function indentRow(rows: TreeRow[], index: number): TreeRow[] {
  if (previousSibling(rows, index) === null) return rows;
  const end = subtreeEnd(rows, index);
  return [...rows.slice(0, index), ...shifted(rows.slice(index, end), 1), ...rows.slice(end)];
}

/** Moves the row (with its members) out of its group, to just after the group. */
export function outdentRow(rows: TreeRow[], index: number): TreeRow[] {
  const depth = rows[index]!.depth;
  if (depth === 0) return rows;
  let parent = index - 1;
  while (rows[parent]!.depth >= depth) parent -= 1;
  const end = subtreeEnd(rows, index);
  const parentEnd = subtreeEnd(rows, parent);
  const block = shifted(rows.slice(index, end), -1);
  const rest = [...rows.slice(0, index), ...rows.slice(end)];
  const insertAt = parentEnd - (end - index);
  return [...rest.slice(0, insertAt), ...block, ...rest.slice(insertAt)];
}

/**
 * Drops the dragged row (with its members) just before the target row, on the target's level;
 * a row cannot be dropped among its own members.
 */
export function dropRow(rows: TreeRow[], from: number, before: number): TreeRow[] {
  const end = subtreeEnd(rows, from);
  if (before >= from && before < end) return rows;
  const block = shifted(rows.slice(from, end), rows[before]!.depth - rows[from]!.depth);
  const rest = [...rows.slice(0, from), ...rows.slice(end)];
  const insertAt = before > from ? before - (end - from) : before;
  return [...rest.slice(0, insertAt), ...block, ...rest.slice(insertAt)];
}

/** Each row's parent: the nearest row before it one level up. */
export function placementsOf(rows: TreeRow[]): { unitId: number; parentUnitId: number | null }[] {
  const stack: number[] = [];
  return rows.map((row) => {
    stack.length = row.depth;
    const parentUnitId = row.depth === 0 ? null : (stack[row.depth - 1] ?? null);
    stack[row.depth] = row.unitId;
    return { unitId: row.unitId, parentUnitId };
  });
}

/** The name of the row's group, or null at the top. */
export function parentName(rows: TreeRow[], index: number): string | null {
  const depth = rows[index]!.depth;
  for (let at = index - 1; at >= 0; at -= 1) if (rows[at]!.depth < depth) return rows[at]!.name;
  return null;
}
