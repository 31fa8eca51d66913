import { type UnitOfFacility, isCount, withoutNoise } from '../figures/aggregation.ts';
import type { PlaceValue } from '../figures/series.ts';
import type { EventUnit } from '../event-units/report-contribution.ts';

// The event's units in a report: unit sections and key-figure rows follow the event's order and
// hierarchy, and a group gets a subtotal where the figure's values add up.

/** The event's shape as the key-figure tables need it. */
export interface UnitOrder {
  units: EventUnit[];
  unitOfFacility: UnitOfFacility;
}

/** A unit outside the event sorts after every unit in it. */
const outside = Number.MAX_SAFE_INTEGER;

/** Units in the event's order; those not in the event after them, by id. */
export function inEventOrder<T extends { id: number }>(units: T[], order: EventUnit[]): T[] {
  const rank = new Map(order.map((unit, index) => [unit.unitId, index]));
  return [...units].sort(
    (a, b) => (rank.get(a.id) ?? outside) - (rank.get(b.id) ?? outside) || a.id - b.id,
  );
}

/**
 * Where a place's row goes: what has no unit first, then each unit at its place in the event's
 * order with its facilities right after it, then units outside the event.
 */
export function placeRank(order: UnitOrder, place: string): number {
  const [kind, id] = place.split(':');
  if (kind === 'unit') return unitRank(order, Number(id));
  if (kind === 'facility') {
    const unitId = order.unitOfFacility.get(Number(id));
    return unitId === undefined ? outside : unitRank(order, unitId) + 0.5;
  }
  return -1;
}

function unitRank(order: UnitOrder, unitId: number): number {
  const index = order.units.findIndex((unit) => unit.unitId === unitId);
  return index === -1 ? outside : index;
}

export interface Subtotal {
  /** Sorts right after the group's last member (an inner group's subtotal before the outer's). */
  rank: number;
  name: string;
  value: number;
}

/**
 * Per group of the event (a unit with members in it), the sum of its members' values in the
 * period: only for a count, only when at least two members (units below the group, at any depth,
 * or their facilities) have a value, and not when the group itself or a unit and one of its own
 * facilities both have one, since the larger may already include the smaller.
 */
export function subtotals(
  order: UnitOrder,
  unitOfMeasure: string,
  places: PlaceValue[],
): Subtotal[] {
  if (!isCount(unitOfMeasure)) return [];
  const result: Subtotal[] = [];
  order.units.forEach((group, index) => {
    const members = membersOf(order.units, index);
    if (members.length === 0) return;
    const memberIds = new Set(members.map((unit) => unit.unitId));
    const inGroup = places.filter((place) => memberIds.has(unitOfPlace(order, place.place) ?? -1));
    const groupHasValue = places.some((place) => unitOfPlace(order, place.place) === group.unitId);
    if (inGroup.length < 2 || groupHasValue || overlaps(order, inGroup)) return;
    result.push({
      rank: index + members.length + 0.9 - group.depth * 0.01,
      name: `Summa ${group.name}`,
      value: withoutNoise(inGroup.reduce((sum, place) => sum + place.value, 0)),
    });
  });
  return result;
}

/** The units below the one at `index`: those after it that are deeper, up to the next that is not. */
function membersOf(units: EventUnit[], index: number): EventUnit[] {
  const depth = units[index]!.depth;
  const end = units.findIndex((unit, at) => at > index && unit.depth <= depth);
  return units.slice(index + 1, end === -1 ? units.length : end);
}

function unitOfPlace(order: UnitOrder, place: string): number | undefined {
  const [kind, id] = place.split(':');
  if (kind === 'unit') return Number(id);
  if (kind === 'facility') return order.unitOfFacility.get(Number(id));
  return undefined;
}

function overlaps(order: UnitOrder, places: PlaceValue[]): boolean {
  const wholeUnits = new Set(
    places
      .filter((place) => place.place.startsWith('unit:'))
      .map((place) => unitOfPlace(order, place.place)),
  );
  return places.some(
    (place) =>
      place.place.startsWith('facility:') && wholeUnits.has(unitOfPlace(order, place.place)),
  );
}
