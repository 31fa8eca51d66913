import type { Completeness, CompletenessGroup } from '../../contract/situations.ts';
import type { EventUnit } from '../../contract/event-units.ts';
import { isReported } from './tables.ts';

export function isUnitReported(unit: Completeness['units'][number]): boolean {
  return unit.state !== 'missing' && isReported(unit.state);
}

/**
 * Completeness rolled up the event's hierarchy: for each unit with requested units under it (at
 * any depth), how many of those are expected, have reported and are late. A group is never
 * counted as one of its own units; groups come in the event's order.
 */
export function completenessByGroup(
  order: EventUnit[],
  requested: Completeness['units'],
): CompletenessGroup[] {
  const parentOf = new Map(order.map((unit) => [unit.unitId, unit.parentUnitId]));
  const underGroup = new Map<number, Completeness['units']>();
  for (const unit of requested) {
    for (let group = parentOf.get(unit.unitId); group; group = parentOf.get(group)) {
      underGroup.set(group, [...(underGroup.get(group) ?? []), unit]);
    }
  }
  return order.flatMap((group) => {
    const units = underGroup.get(group.unitId);
    if (!units) return [];
    return [
      {
        unitId: group.unitId,
        code: group.code,
        name: group.name,
        depth: group.depth,
        expected: units.length,
        reported: units.filter(isUnitReported).length,
        late: units.filter((unit) => unit.late).length,
      },
    ];
  });
}
