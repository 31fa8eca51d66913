// An event's own units in order and hierarchy (src/server/event-units/).
import type { EventUnit, EventUnitList } from '../../contract/event-units.ts';
import { type Body, eventPath, request } from '../api.ts';
import { allOf } from '../exhaustive.ts';

const units = (eventId: number) => `${eventPath(eventId)}/units`;

export const eventUnitsApi = {
  list: (eventId: number) => request<EventUnitList>('GET', units(eventId)),
  replace: (eventId: number, body: Body) => request<EventUnitList>('PUT', units(eventId), body),
  add: (eventId: number, body: Body) => request<EventUnitList>('POST', units(eventId), body),
  remove: (eventId: number, unitId: number, version: number) =>
    request<EventUnitList>('DELETE', `${units(eventId)}/${unitId}?version=${version}`),
  importCsv: (eventId: number, version: number, csv: string) =>
    request<EventUnitList>('POST', `${units(eventId)}/import`, { version, csv }),
};

/** The event's units, in its order, under the names a unit list uses (id for unitId). */
export function asUnitList(list: EventUnitList): {
  items: { id: number; code: string; name: string; depth: number }[];
} {
  return {
    items: list.items.map((unit) => ({
      id: unit.unitId,
      code: unit.code,
      name: unit.name,
      depth: unit.depth,
    })),
  };
}

/** Every kind a unit can be, in the order the screens offer them. */
export const unitKinds = allOf<EventUnit['kind']>()([
  'hospital',
  'primary_care',
  'municipality',
  'support',
  'group',
  'region',
  'nation',
  'organisation',
  'other',
]);
