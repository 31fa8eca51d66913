import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { type EventRow, updateEventUnitsHeader } from '../events/repository.ts';
import { requireEvent } from '../events/service.ts';
import { unitHasObservations } from '../figures/repository.ts';
import type { Actor } from '../http/actor.ts';
import { unitHasSituations } from '../situations/repository.ts';
import { type UnitRow, findUnit, findUnitByCode, listUnits } from '../units/repository.ts';
import { createUnitIn } from '../units/service.ts';
import { parseUnitCsv } from './csv.ts';
import {
  type EventUnitRow,
  isUnitInEvent,
  listEventUnitRows,
  replaceEventUnitRows,
} from './repository.ts';
import type {
  EventUnit,
  EventUnitList,
  EventUnitsSetup,
  addEventUnitBody,
  importEventUnitsBody,
  newUnit,
  replaceEventUnitsBody,
} from '../../contract/event-units.ts';

/** A unit's place in the list: the unit and its parent within the event. */
interface Placement {
  unitId: number;
  parentUnitId: number | null;
}

/**
 * The event's units depth first: the top-level units in position order, each followed by its
 * children in position order, and so on down. A unit whose parent is not in the event is shown
 * at the top.
 */
export function inTreeOrder(rows: EventUnitRow[]): EventUnit[] {
  const ids = new Set(rows.map((row) => row.unit_id));
  const childrenOf = new Map<number | null, EventUnitRow[]>();
  for (const row of rows) {
    const parent =
      row.parent_unit_id !== null && ids.has(row.parent_unit_id) ? row.parent_unit_id : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), row]);
  }
  const ordered: EventUnit[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const row of childrenOf.get(parent) ?? []) {
      ordered.push({
        unitId: row.unit_id,
        code: row.code,
        name: row.name,
        shortName: row.short_name,
        kind: row.kind,
        parentUnitId: parent,
        depth,
      });
      visit(row.unit_id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** The event's units in its order and hierarchy, for everything that lists them. */
export async function eventUnitsInOrder(db: Db, eventId: number): Promise<EventUnit[]> {
  return inTreeOrder(await listEventUnitRows(db, eventId));
}

export async function eventUnitList(db: Db, eventId: number): Promise<EventUnitList> {
  const event = await requireEvent(db, eventId);
  return presentList(event, await eventUnitsInOrder(db, eventId));
}

/** Refuses (400) a unit that does not take part in the event. */
export async function requireUnitInEvent(db: Db, eventId: number, unitId: number): Promise<void> {
  if (!(await isUnitInEvent(db, eventId, unitId))) {
    throw errors.badRequest('Enheten ingår inte i händelsen.', { field: 'unitId' });
  }
}

/**
 * Refuses a unit that does not exist (404) or is outside the event (400); a unit in the event
 * costs one query, which a write's transaction is the shorter for.
 */
export async function requireExistingUnitInEvent(
  db: Db,
  eventId: number,
  unitId: number,
): Promise<void> {
  if (await isUnitInEvent(db, eventId, unitId)) return;
  if (!(await findUnit(db, unitId))) throw errors.notFound('Enheten');
  await requireUnitInEvent(db, eventId, unitId);
}

/** Replaces the event's whole list (the editor's save). */
export async function replaceEventUnits(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.output<typeof replaceEventUnitsBody>,
): Promise<EventUnitList> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    return writeList(trx, actor, event, input.version, input.unitlessLabel, input.units);
  });
}

/** Adds an existing unit, or a new one created in the register, at the end under its parent. */
export async function addEventUnit(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.output<typeof addEventUnitBody>,
): Promise<EventUnitList> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    const current = await eventUnitsInOrder(trx, eventId);
    const unitId = input.newUnit
      ? (await createUnitIn(trx, actor, { ...input.newUnit, parentId: null })).id
      : input.unitId!;
    if (current.some((unit) => unit.unitId === unitId)) {
      throw errors.wrongState('Enheten ingår redan i händelsen.', { field: 'unitId' });
    }
    const placements = [...current.map(placementOf), { unitId, parentUnitId: input.parentUnitId }];
    return writeList(trx, actor, event, input.version, event.unitless_label, placements);
  });
}

/** Takes a unit out of the event; its children move up to its parent. */
export async function removeEventUnit(
  db: Db,
  actor: Actor,
  eventId: number,
  unitId: number,
  version: number,
): Promise<EventUnitList> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    const current = await eventUnitsInOrder(trx, eventId);
    const removed = current.find((unit) => unit.unitId === unitId);
    if (!removed) throw errors.notFound('Enheten i händelsen');
    const placements = current
      .filter((unit) => unit.unitId !== unitId)
      .map((unit) => ({
        unitId: unit.unitId,
        parentUnitId: unit.parentUnitId === unitId ? removed.parentUnitId : unit.parentUnitId,
      }));
    return writeList(trx, actor, event, version, event.unitless_label, placements);
  });
}

/**
 * Adds the units of a CSV file (code, name, short name, kind, parent code) to the end of the
 * event's list: a code the register knows is that unit, any other is created. All or nothing:
 * one bad row and nothing is saved, and every bad row is named (400, details.rows).
 */
export async function importEventUnits(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.output<typeof importEventUnitsBody>,
): Promise<EventUnitList> {
  const { rows, problems } = parseUnitCsv(input.csv);
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    const current = await eventUnitsInOrder(trx, eventId);
    const inEvent = new Map(current.map((unit) => [unit.code, unit.unitId]));
    const seen = new Set<string>();
    for (const row of rows) {
      if (inEvent.has(row.code))
        problems.push({ row: row.row, message: `${row.code} ingår redan i händelsen.` });
      else if (seen.has(row.code))
        problems.push({ row: row.row, message: `${row.code} finns två gånger i filen.` });
      else if (
        row.parentCode !== null &&
        !inEvent.has(row.parentCode) &&
        !seen.has(row.parentCode)
      ) {
        problems.push({
          row: row.row,
          message: `Den överordnade ${row.parentCode} finns varken i händelsen eller på en rad före.`,
        });
      }
      seen.add(row.code);
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.row - b.row);
      throw errors.badRequest(
        `Filen har ${problems.length === 1 ? 'ett fel' : `${problems.length} fel`}; inget sparades.`,
        { field: 'csv', rows: problems },
      );
    }
    const added: Placement[] = [];
    for (const row of rows) {
      const unit = await unitForCode(trx, actor, row);
      inEvent.set(row.code, unit.id);
      added.push({
        unitId: unit.id,
        parentUnitId: row.parentCode === null ? null : inEvent.get(row.parentCode)!,
      });
    }
    const placements = [...current.map(placementOf), ...added];
    return writeList(trx, actor, event, input.version, event.unitless_label, placements);
  });
}

/** The event's units as a set-up: by code, in order, with the label of what has no unit. */
export async function readEventUnitsSetup(db: Db, eventId: number): Promise<EventUnitsSetup> {
  const event = await requireEvent(db, eventId);
  const units = await eventUnitsInOrder(db, eventId);
  const codeOf = new Map(units.map((unit) => [unit.unitId, unit.code]));
  return {
    unitlessLabel: event.unitless_label,
    units: units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      parentCode: unit.parentUnitId === null ? null : codeOf.get(unit.parentUnitId)!,
    })),
  };
}

/**
 * Replaces the event's units with the set-up's, inside the caller's transaction: a code the
 * register knows is that unit (as it is), any other is created from the set-up.
 */
export async function applyEventUnitsSetup(
  trx: Db,
  eventId: number,
  setup: EventUnitsSetup,
  actor: Actor,
): Promise<void> {
  const event = await requireEvent(trx, eventId);
  const idOf = new Map<string, number>();
  const placements: Placement[] = [];
  for (const unit of setup.units) {
    if (idOf.has(unit.code)) {
      throw errors.badRequest(`${unit.code} finns två gånger bland enheterna.`, { field: 'units' });
    }
    if (unit.parentCode !== null && !idOf.has(unit.parentCode)) {
      throw errors.badRequest(
        `Den överordnade ${unit.parentCode} till ${unit.code} måste stå före den i listan.`,
        { field: 'units' },
      );
    }
    const row = await unitForCode(trx, actor, unit);
    idOf.set(unit.code, row.id);
    placements.push({
      unitId: row.id,
      parentUnitId: unit.parentCode === null ? null : idOf.get(unit.parentCode)!,
    });
  }
  await writeList(trx, actor, event, event.units_version, setup.unitlessLabel, placements);
}

async function unitForCode(
  trx: Db,
  actor: Actor,
  unit: z.output<typeof newUnit>,
): Promise<UnitRow> {
  return (
    (await findUnitByCode(trx, unit.code)) ?? createUnitIn(trx, actor, { ...unit, parentId: null })
  );
}

function placementOf(unit: EventUnit): Placement {
  return { unitId: unit.unitId, parentUnitId: unit.parentUnitId };
}

/**
 * Checks and stores the event's new list: every unit known and at most once, each parent in
 * the list, no unit under itself, no unit taken out that has returns or key figures in the
 * event; 409 when the list changed since `version`. Records the change in the audit trail.
 */
async function writeList(
  trx: Db,
  actor: Actor,
  event: EventRow,
  version: number,
  unitlessLabel: string,
  placements: Placement[],
): Promise<EventUnitList> {
  const before = await eventUnitsInOrder(trx, event.id);
  const names = new Map((await listUnits(trx)).map((unit) => [unit.id, unit.name]));
  checkTree(placements, names);
  await refuseRemovingUnitsInUse(trx, event.id, before, placements);
  const updated = await updateEventUnitsHeader(trx, event.id, version, unitlessLabel);
  if (!updated) throw errors.conflict(presentList(event, before));
  await replaceEventUnitRows(trx, event.id, placements);
  const after = await eventUnitsInOrder(trx, event.id);
  await recordAudit(trx, actor, {
    action: 'event_units.replace',
    entityType: 'event_units',
    entityId: event.id,
    eventId: event.id,
    before: { unitlessLabel: event.unitless_label, units: before.map(placementOf) },
    after: { unitlessLabel, units: after.map(placementOf) },
  });
  return presentList(updated, after);
}

function checkTree(placements: Placement[], names: ReadonlyMap<number, string>): void {
  const parentOf = new Map<number, number | null>();
  for (const { unitId, parentUnitId } of placements) {
    const name = names.get(unitId);
    if (name === undefined)
      throw errors.badRequest(`Enheten ${unitId} finns inte.`, { field: 'units' });
    if (parentOf.has(unitId)) {
      throw errors.badRequest(`${name} finns två gånger i listan.`, { field: 'units' });
    }
    parentOf.set(unitId, parentUnitId);
  }
  for (const { unitId, parentUnitId } of placements) {
    if (parentUnitId !== null && !parentOf.has(parentUnitId)) {
      throw errors.badRequest(
        `${names.get(unitId)} ligger under en enhet som inte ingår i händelsen.`,
        {
          field: 'units',
        },
      );
    }
    let ancestor = parentUnitId;
    for (let steps = 0; ancestor !== null && steps <= placements.length; steps += 1) {
      if (ancestor === unitId) {
        throw errors.badRequest(`${names.get(unitId)} kan inte ligga under sig själv.`, {
          field: 'units',
        });
      }
      ancestor = parentOf.get(ancestor) ?? null;
    }
  }
}

async function refuseRemovingUnitsInUse(
  trx: Db,
  eventId: number,
  before: EventUnit[],
  placements: Placement[],
): Promise<void> {
  const kept = new Set(placements.map((placement) => placement.unitId));
  for (const unit of before.filter((candidate) => !kept.has(candidate.unitId))) {
    if (
      (await unitHasSituations(trx, eventId, unit.unitId)) ||
      (await unitHasObservations(trx, eventId, unit.unitId))
    ) {
      throw errors.wrongState(
        `${unit.name} har lägesrapporter eller nyckeltal i händelsen och kan inte tas bort.`,
        { field: 'units', unitId: unit.unitId },
      );
    }
  }
}

function presentList(event: EventRow, items: EventUnit[]): EventUnitList {
  return { unitlessLabel: event.unitless_label, version: event.units_version, items };
}
