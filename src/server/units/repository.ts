import { updateVersioned } from '../db/paging.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { FacilitiesTable, UnitsTable } from './tables.ts';

export type UnitRow = Selectable<UnitsTable>;
export type FacilityRow = Selectable<FacilitiesTable>;

export function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('name').execute();
}

export function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertUnit(db: Db, unit: Insertable<UnitsTable>): Promise<UnitRow> {
  return db.insertInto('units').values(unit).returningAll().executeTakeFirstOrThrow();
}

export function updateUnit(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Pick<UnitRow, 'code' | 'name' | 'short_name' | 'kind' | 'parent_id'>>,
): Promise<UnitRow | undefined> {
  return updateVersioned(db, 'units', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export function listFacilities(db: Db, unitId?: number): Promise<FacilityRow[]> {
  let query = db.selectFrom('facilities').selectAll();
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  return query.orderBy('name').execute();
}

export function findFacility(db: Db, id: number): Promise<FacilityRow | undefined> {
  return db.selectFrom('facilities').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findFacilityByCode(db: Db, code: string): Promise<FacilityRow | undefined> {
  return db.selectFrom('facilities').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertFacility(
  db: Db,
  facility: Insertable<FacilitiesTable>,
): Promise<FacilityRow> {
  return db.insertInto('facilities').values(facility).returningAll().executeTakeFirstOrThrow();
}

export function updateFacility(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Pick<FacilityRow, 'code' | 'name' | 'kind'>>,
): Promise<FacilityRow | undefined> {
  return updateVersioned(db, 'facilities', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}
