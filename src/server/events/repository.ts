import { updateVersioned } from '../db/paging.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { EventPeriodDataAsOfTable, EventsTable } from './tables.ts';

export type EventRow = Selectable<EventsTable>;

export function findEvent(db: Db, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function anyEventExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('events').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Active events first, newest activation first; non-admins see only events they hold a grant in. */
export function listEvents(db: Db, visibleTo: { userId: number; isAdmin: boolean }) {
  let query = db.selectFrom('events').selectAll();
  if (!visibleTo.isAdmin) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('grants').select('event_id').where('user_id', '=', visibleTo.userId),
    );
  }
  return query
    .orderBy('state', 'asc')
    .orderBy('activated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function insertEvent(db: Db, event: Insertable<EventsTable>): Promise<EventRow> {
  return db.insertInto('events').values(event).returningAll().executeTakeFirstOrThrow();
}

export function updateEvent(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<EventRow, 'id' | 'version' | 'created_at'>>,
): Promise<EventRow | undefined> {
  return updateVersioned(db, 'events', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export type DataAsOfRow = Selectable<EventPeriodDataAsOfTable>;

export function listDataAsOf(db: Db, eventId: number): Promise<DataAsOfRow[]> {
  return db
    .selectFrom('event_period_data_as_of')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('period', 'desc')
    .execute();
}

export function findDataAsOf(
  db: Db,
  eventId: number,
  period: string,
): Promise<DataAsOfRow | undefined> {
  return db
    .selectFrom('event_period_data_as_of')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export function insertDataAsOf(
  db: Db,
  row: Insertable<EventPeriodDataAsOfTable>,
): Promise<DataAsOfRow> {
  return db
    .insertInto('event_period_data_as_of')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateDataAsOf(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: { data_as_of: string; updated_by: number | null; updated_at: string },
): Promise<DataAsOfRow | undefined> {
  return updateVersioned(db, 'event_period_data_as_of', id, expectedVersion, changes);
}

/**
 * Records a change to the event's list of units: its new label for what has no unit, and the
 * next version of the list; undefined when the list has changed since `expectedUnitsVersion`.
 */
export function updateEventUnitsHeader(
  db: Db,
  id: number,
  expectedUnitsVersion: number,
  unitlessLabel: string,
): Promise<EventRow | undefined> {
  return db
    .updateTable('events')
    .set((eb) => ({
      unitless_label: unitlessLabel,
      units_version: eb('units_version', '+', 1),
      updated_at: new Date().toISOString(),
    }))
    .where('id', '=', id)
    .where('units_version', '=', expectedUnitsVersion)
    .returningAll()
    .executeTakeFirst();
}
