import type { Db } from '../db/schema.ts';
import type { UnitKind } from '../units/tables.ts';

/** One unit of an event, with the unit's own fields. */
export interface EventUnitRow {
  unit_id: number;
  parent_unit_id: number | null;
  position: number;
  code: string;
  name: string;
  short_name: string;
  kind: UnitKind;
}

/** An event's units in stored position order (siblings are ordered by position). */
export function listEventUnitRows(db: Db, eventId: number): Promise<EventUnitRow[]> {
  return db
    .selectFrom('event_units')
    .innerJoin('units', 'units.id', 'event_units.unit_id')
    .select([
      'event_units.unit_id',
      'event_units.parent_unit_id',
      'event_units.position',
      'units.code',
      'units.name',
      'units.short_name',
      'units.kind',
    ])
    .where('event_units.event_id', '=', eventId)
    .orderBy('event_units.position')
    .orderBy('event_units.unit_id')
    .execute();
}

export async function isUnitInEvent(db: Db, eventId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event_units')
    .select('unit_id')
    .where('event_id', '=', eventId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces the event's whole list; call inside a transaction. */
export async function replaceEventUnitRows(
  db: Db,
  eventId: number,
  units: { unitId: number; parentUnitId: number | null }[],
): Promise<void> {
  await db.deleteFrom('event_units').where('event_id', '=', eventId).execute();
  if (units.length === 0) return;
  await db
    .insertInto('event_units')
    .values(
      units.map((unit, position) => ({
        event_id: eventId,
        unit_id: unit.unitId,
        parent_unit_id: unit.parentUnitId,
        position,
      })),
    )
    .execute();
}
