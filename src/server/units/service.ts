import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type FacilityRow,
  type UnitRow,
  findFacility,
  findFacilityByCode,
  findUnit,
  findUnitByCode,
  insertFacility,
  insertUnit,
  listFacilities,
  listUnits,
  updateFacility,
  updateUnit,
} from './repository.ts';
import type {
  Facility,
  Unit,
  createFacilityBody,
  createUnitBody,
  updateFacilityBody,
  updateUnitBody,
} from '../../contract/units.ts';

export function presentUnit(unit: UnitRow): Unit {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    shortName: unit.short_name,
    kind: unit.kind,
    parentId: unit.parent_id,
    version: unit.version,
  };
}

export function presentFacility(facility: FacilityRow): Facility {
  return {
    id: facility.id,
    unitId: facility.unit_id,
    code: facility.code,
    name: facility.name,
    kind: facility.kind,
    version: facility.version,
  };
}

/** A unit's short name when none is given: its name when that is short, else its code. */
export function defaultShortName(code: string, name: string): string {
  return name.length <= 20 ? name : code;
}

export async function createUnit(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createUnitBody>,
): Promise<Unit> {
  return presentUnit(await db.transaction().execute((trx) => createUnitIn(trx, actor, input)));
}

/** Creates a unit inside the caller's transaction, refusing a code already taken. */
export async function createUnitIn(
  trx: Db,
  actor: Actor,
  input: z.output<typeof createUnitBody>,
): Promise<UnitRow> {
  await refuseTakenUnitCode(trx, input.code);
  if (input.parentId !== null) await loadUnit(trx, input.parentId);
  const now = new Date().toISOString();
  const unit = await insertUnit(trx, {
    code: input.code,
    name: input.name,
    short_name: input.shortName || defaultShortName(input.code, input.name),
    kind: input.kind,
    parent_id: input.parentId,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, actor, {
    action: 'unit.create',
    entityType: 'unit',
    entityId: unit.id,
    after: unit,
  });
  return unit;
}

export async function changeUnit(
  db: Db,
  actor: Actor,
  unitId: number,
  input: z.infer<typeof updateUnitBody>,
): Promise<Unit> {
  return presentUnit(
    await db.transaction().execute(async (trx) => {
      const before = await loadUnit(trx, unitId);
      if (input.code !== undefined && input.code !== before.code)
        await refuseTakenUnitCode(trx, input.code);
      if (input.parentId === unitId) {
        throw errors.badRequest('En enhet kan inte vara sin egen överordnade.', {
          field: 'parentId',
        });
      }
      if (input.parentId) await loadUnit(trx, input.parentId);
      const updated = await updateUnit(trx, unitId, input.version, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.shortName !== undefined && {
          short_name: input.shortName || defaultShortName(before.code, input.name ?? before.name),
        }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.parentId !== undefined && { parent_id: input.parentId }),
      });
      if (!updated) throw errors.conflict(presentUnit(before));
      await recordAudit(trx, actor, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: unitId,
        before,
        after: updated,
      });
      return updated;
    }),
  );
}

export async function createFacility(
  db: Db,
  actor: Actor,
  unitId: number,
  input: z.infer<typeof createFacilityBody>,
): Promise<Facility> {
  return presentFacility(
    await db.transaction().execute(async (trx) => {
      await loadUnit(trx, unitId);
      await refuseTakenFacilityCode(trx, input.code);
      const now = new Date().toISOString();
      const facility = await insertFacility(trx, {
        unit_id: unitId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, actor, {
        action: 'facility.create',
        entityType: 'facility',
        entityId: facility.id,
        after: facility,
      });
      return facility;
    }),
  );
}

export async function changeFacility(
  db: Db,
  actor: Actor,
  facilityId: number,
  input: z.infer<typeof updateFacilityBody>,
): Promise<Facility> {
  return presentFacility(
    await db.transaction().execute(async (trx) => {
      const before = await findFacility(trx, facilityId);
      if (!before) throw errors.notFound('Anläggningen');
      if (input.code !== undefined && input.code !== before.code)
        await refuseTakenFacilityCode(trx, input.code);
      const updated = await updateFacility(trx, facilityId, input.version, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.kind !== undefined && { kind: input.kind }),
      });
      if (!updated) throw errors.conflict(presentFacility(before));
      await recordAudit(trx, actor, {
        action: 'facility.update',
        entityType: 'facility',
        entityId: facilityId,
        before,
        after: updated,
      });
      return updated;
    }),
  );
}

async function loadUnit(db: Db, unitId: number): Promise<UnitRow> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw errors.notFound('Enheten');
  return unit;
}

async function refuseTakenUnitCode(db: Db, code: string): Promise<void> {
  if (await findUnitByCode(db, code)) {
    throw errors.wrongState(`Koden ${code} används redan av en annan enhet.`, { field: 'code' });
  }
}

async function refuseTakenFacilityCode(db: Db, code: string): Promise<void> {
  if (await findFacilityByCode(db, code)) {
    throw errors.wrongState(`Koden ${code} används redan av en annan anläggning.`, {
      field: 'code',
    });
  }
}

/** Every unit's name by id, for exports that print names. */
export async function unitNames(db: Db): Promise<Map<number, string>> {
  return new Map((await listUnits(db)).map((unit) => [unit.id, unit.name]));
}

/** Every facility's name by id, for exports that print names. */
export async function facilityNames(db: Db): Promise<Map<number, string>> {
  return new Map((await listFacilities(db)).map((place) => [place.id, place.name]));
}

/** Every unit, for everyone signed in. */
export async function allUnits(db: Db): Promise<{ items: Unit[] }> {
  return { items: (await listUnits(db)).map(presentUnit) };
}

/** Every facility, or one unit's. */
export async function facilitiesOf(
  db: Db,
  unitId: number | undefined,
): Promise<{ items: Facility[] }> {
  return { items: (await listFacilities(db, unitId)).map(presentFacility) };
}
