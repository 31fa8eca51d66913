import type { Insertable, Selectable } from 'kysely';
import { type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { listFacilities, listUnits } from '../units/repository.ts';
import { type PlaceDirectory, placeKeyOf } from './aggregation.ts';
import type { FigureDefinitionsTable, FigureObservationsTable } from './tables.ts';

export type FigureRow = Selectable<FigureDefinitionsTable>;
export type ObservationRow = Selectable<FigureObservationsTable>;

/** What a caller may see: readers (without internal.read) never get internal rows. */
export interface Visibility {
  includeInternal: boolean;
}

export function findFigure(
  db: Db,
  eventId: number,
  figureId: number,
  visibility: Visibility = { includeInternal: true },
): Promise<FigureRow | undefined> {
  let query = db
    .selectFrom('figure_definitions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', figureId);
  if (!visibility.includeInternal) query = query.where('internal', '=', 0);
  return query.executeTakeFirst();
}

export function findFigureByExchangeMeaning(
  db: Db,
  eventId: number,
  meaning: string,
): Promise<FigureRow | undefined> {
  return db
    .selectFrom('figure_definitions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('exchange_meaning', '=', meaning)
    .executeTakeFirst();
}

export function findFigureByKey(
  db: Db,
  eventId: number,
  key: string,
): Promise<FigureRow | undefined> {
  return db
    .selectFrom('figure_definitions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * In the order of their keys, code point by code point so that both engines agree: the order a
 * report lists every figure in when its template chose none.
 */
export async function listFiguresOfEvent(db: Db, eventId: number): Promise<FigureRow[]> {
  const rows = await db
    .selectFrom('figure_definitions')
    .selectAll()
    .where('event_id', '=', eventId)
    .execute();
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export async function listFigures(
  db: Db,
  eventId: number,
  visibility: Visibility,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<Rows<FigureRow>> {
  let query = db.selectFrom('figure_definitions').where('event_id', '=', eventId);
  if (!visibility.includeInternal) query = query.where('internal', '=', 0);
  return fetchPage(
    query,
    (filtered) => filtered.selectAll().orderBy('name', page.order).orderBy('id', page.order),
    page,
  );
}

export function insertFigure(
  db: Db,
  figure: Insertable<FigureDefinitionsTable>,
): Promise<FigureRow> {
  return db
    .insertInto('figure_definitions')
    .values(figure)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateFigure(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<
    Pick<
      FigureRow,
      | 'key'
      | 'name'
      | 'unit_of_measure'
      | 'higher_is_worse'
      | 'yellow_threshold'
      | 'red_threshold'
      | 'internal'
      | 'updated_by'
    >
  >,
): Promise<FigureRow | undefined> {
  return updateVersioned(db, 'figure_definitions', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export interface ObservationFilter {
  from?: string;
  to?: string;
  unitId?: number;
  facilityId?: number;
}

function observationsOf(db: Db, definitionId: number, filter: ObservationFilter, v: Visibility) {
  let query = db.selectFrom('figure_observations').where('definition_id', '=', definitionId);
  if (!v.includeInternal) query = query.where('internal', '=', 0);
  // Normalised to UTC so that SQLite's text comparison orders instants correctly.
  if (filter.from) query = query.where('observed_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('observed_at', '<', new Date(filter.to).toISOString());
  if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
  if (filter.facilityId !== undefined) query = query.where('facility_id', '=', filter.facilityId);
  return query;
}

export async function listObservations(
  db: Db,
  definitionId: number,
  filter: ObservationFilter,
  visibility: Visibility,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<Rows<ObservationRow>> {
  const query = observationsOf(db, definitionId, filter, visibility);
  return fetchPage(
    query,
    (filtered) => filtered.selectAll().orderBy('observed_at', page.order).orderBy('id', page.order),
    page,
  );
}

/** Every matching observation, oldest first, for aggregation into a series. */
export function allObservations(
  db: Db,
  definitionId: number,
  filter: ObservationFilter,
  visibility: Visibility,
): Promise<ObservationRow[]> {
  return observationsOf(db, definitionId, filter, visibility)
    .selectAll()
    .orderBy('observed_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export function insertObservations(
  db: Db,
  observations: Insertable<FigureObservationsTable>[],
): Promise<ObservationRow[]> {
  return db.insertInto('figure_observations').values(observations).returningAll().execute();
}

export function findObservationsByClientKey(
  db: Db,
  eventId: number,
  clientKeys: string[],
): Promise<ObservationRow[]> {
  if (clientKeys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('figure_observations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('client_key', 'in', clientKeys)
    .execute();
}

/** The names of the units and facilities observations are made at, and each facility's unit. */
export async function placeDirectory(db: Db): Promise<PlaceDirectory> {
  const [units, facilities] = await Promise.all([listUnits(db), listFacilities(db)]);
  return {
    names: new Map([
      ...units.map(
        (unit) => [placeKeyOf({ unit_id: unit.id, facility_id: null }), unit.name] as const,
      ),
      ...facilities.map(
        (facility) =>
          [placeKeyOf({ unit_id: null, facility_id: facility.id }), facility.name] as const,
      ),
    ]),
    unitOfFacility: new Map(facilities.map((facility) => [facility.id, facility.unit_id])),
  };
}

/** Whether any key-figure value in the event is the unit's. */
export async function unitHasObservations(db: Db, eventId: number, unitId: number) {
  const row = await db
    .selectFrom('figure_observations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function findObservationsByIds(db: Db, ids: number[]): Promise<ObservationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('figure_observations')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** The same figure's value at the same place just before this one, by when it was observed. */
export function previousObservation(
  db: Db,
  observation: ObservationRow,
): Promise<ObservationRow | undefined> {
  const { unit_id: unitId, facility_id: facilityId, observed_at: at } = observation;
  return db
    .selectFrom('figure_observations')
    .selectAll()
    .where('definition_id', '=', observation.definition_id)
    .where('unit_id', unitId === null ? 'is' : '=', unitId)
    .where('facility_id', facilityId === null ? 'is' : '=', facilityId)
    .where((eb) =>
      eb.or([
        eb('observed_at', '<', at),
        eb.and([eb('observed_at', '=', at), eb('id', '<', observation.id)]),
      ]),
    )
    .orderBy('observed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
