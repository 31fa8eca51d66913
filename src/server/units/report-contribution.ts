import type { Db } from '../db/schema.ts';
import { listFacilities, listUnits } from './repository.ts';

/** What the units give a report: the names of units and facilities, by id. */
export async function unitsForReport(
  db: Db,
): Promise<{ unitNames: Map<number, string>; facilityNames: Map<number, string> }> {
  const [units, facilities] = await Promise.all([listUnits(db), listFacilities(db)]);
  return {
    unitNames: new Map(units.map((unit) => [unit.id, unit.name])),
    facilityNames: new Map(facilities.map((facility) => [facility.id, facility.name])),
  };
}
