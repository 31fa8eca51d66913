import type { Db } from '../db/schema.ts';
import { listUnits } from '../units/repository.ts';
import { replaceEventUnitRows } from './repository.ts';

/**
 * The units a new event starts with: every unit in the register, in name order, each under its
 * parent in the register. The one place to change when events start from a set-up instead.
 */
export async function defaultEventUnits(trx: Db, eventId: number): Promise<void> {
  const units = await listUnits(trx);
  await replaceEventUnitRows(
    trx,
    eventId,
    units.map((unit) => ({ unitId: unit.id, parentUnitId: unit.parent_id })),
  );
}
