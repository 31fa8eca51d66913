import { textColourOn } from '../../core/contrast.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import { usedLevelKeys } from '../situations/repository.ts';
import {
  activeLevelKeysOfEvent,
  type EventScaleRow,
  type ScaleLevelRow,
  bumpScaleVersion,
  deleteLevels,
  findScale,
  insertLevels,
  insertScale,
  listLevels,
  updateLevel,
} from './repository.ts';
import {
  type EventScales,
  type LevelInput,
  type SaveScaleInput,
  type Scale,
  type ScaleKind,
  type ScaleLevel,
  type ScalesSetup,
  scaleKinds,
  scalesSetup,
} from '../../contract/scales.ts';

type StoredLevel = Omit<LevelInput, 'key' | 'nameEn'> & {
  key?: string | undefined;
  nameEn: string;
};

export function presentLevel(level: ScaleLevelRow): ScaleLevel {
  return {
    key: level.key,
    name: level.name,
    nameEn: level.name_en,
    colour: level.colour,
    textColour: textColourOn(level.colour),
    meaning: level.meaning,
    symbol: level.symbol,
    retired: level.retired === 1,
  };
}

function presentScale(scale: EventScaleRow, levels: ScaleLevelRow[]): Scale {
  return { kind: scale.kind, levels: levels.map(presentLevel), version: scale.version };
}

async function requireScale(db: Db, eventId: number, kind: ScaleKind): Promise<EventScaleRow> {
  const scale = await findScale(db, eventId, kind);
  if (!scale) throw errors.notFound('Skalan');
  return scale;
}

/** Every level of the event's scale: the active ones in order, then the retired ones. */
export async function scaleLevels(db: Db, eventId: number, kind: ScaleKind): Promise<ScaleLevel[]> {
  const scale = await requireScale(db, eventId, kind);
  return (await listLevels(db, scale.id)).map(presentLevel);
}

/** The keys a new answer may use: the scale's active levels, in order. */
export async function activeLevelKeys(db: Db, eventId: number, kind: ScaleKind): Promise<string[]> {
  return (await scaleLevels(db, eventId, kind))
    .filter((level) => !level.retired)
    .map((level) => level.key);
}

/** The keys new answers may use on each of the event's scales, read in one query. */
export async function activeLevelKeysByKind(
  db: Db,
  eventId: number,
): Promise<Record<ScaleKind, string[]>> {
  const keys: Record<ScaleKind, string[]> = { status: [], prognosis: [] };
  for (const level of await activeLevelKeysOfEvent(db, eventId)) keys[level.kind].push(level.key);
  return keys;
}

export async function eventScales(db: Db, eventId: number): Promise<EventScales> {
  await requireEvent(db, eventId);
  const [status, prognosis] = await Promise.all(
    scaleKinds.map(async (kind) => {
      const scale = await requireScale(db, eventId, kind);
      return presentScale(scale, await listLevels(db, scale.id));
    }),
  );
  return { status: status!, prognosis: prognosis! };
}

/** "Allvarligt påverkad" → "allvarligt-paverkad": a key for a new level from its name. */
export function keyFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'niva';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
  return key;
}

function refuseDuplicates(levels: StoredLevel[], field: string): void {
  const seen = { key: new Map<string, number>(), name: new Map<string, number>() };
  levels.forEach((level, index) => {
    if (level.key !== undefined && seen.key.has(level.key)) {
      throw errors.badRequest('Två nivåer har samma nyckel; varje nivå behöver en egen.', {
        field: `${field}.${index}.key`,
      });
    }
    const name = level.name.toLocaleLowerCase('sv');
    if (seen.name.has(name)) {
      throw errors.badRequest(`Två nivåer heter ”${level.name}”; ge dem olika namn.`, {
        field: `${field}.${index}.name`,
      });
    }
    if (level.key !== undefined) seen.key.set(level.key, index);
    seen.name.set(name, index);
  });
}

/**
 * Makes `levels` the scale's active levels, in that order. A stored level left out is deleted,
 * or retired when a situation (or a submitted version) holds its key; a level named by a retired
 * key comes back. Keys never change.
 */
async function replaceLevels(
  trx: Db,
  eventId: number,
  scale: EventScaleRow,
  levels: StoredLevel[],
  field: string,
): Promise<void> {
  refuseDuplicates(levels, field);
  const stored = await listLevels(trx, scale.id);
  const storedByKey = new Map(stored.map((level) => [level.key, level]));
  const taken = new Set(storedByKey.keys());
  const newLevels: ScaleLevelRow[] = [];
  for (const [position, level] of levels.entries()) {
    const fields = {
      name: level.name,
      name_en: level.nameEn,
      colour: level.colour,
      meaning: level.meaning,
      symbol: level.symbol,
      position,
      retired: 0,
    };
    const existing = level.key === undefined ? undefined : storedByKey.get(level.key);
    if (existing) {
      await updateLevel(trx, existing.id, fields);
      continue;
    }
    const key = level.key ?? keyFromName(level.name, taken);
    taken.add(key);
    newLevels.push({ id: 0, scale_id: scale.id, key, ...fields });
  }
  await insertLevels(
    trx,
    newLevels.map(({ id: _id, ...level }) => level),
  );
  const kept = new Set(levels.map((level) => level.key));
  const leftOut = stored.filter((level) => !kept.has(level.key));
  const used = await usedLevelKeys(trx, eventId, scale.kind);
  await deleteLevels(
    trx,
    leftOut.filter((level) => !used.has(level.key)).map((level) => level.id),
  );
  for (const level of leftOut.filter((candidate) => used.has(candidate.key))) {
    await updateLevel(trx, level.id, { ...storedFields(level), retired: 1 });
  }
}

function storedFields(level: ScaleLevelRow) {
  return {
    name: level.name,
    name_en: level.name_en,
    colour: level.colour,
    meaning: level.meaning,
    symbol: level.symbol,
    position: level.position,
    retired: level.retired,
  };
}

/** Saves one scale's active levels; 409 with the current scale when it changed since read. */
export async function saveScale(
  db: Db,
  actor: Actor,
  eventId: number,
  kind: ScaleKind,
  input: SaveScaleInput,
): Promise<Scale> {
  return db.transaction().execute(async (trx) => {
    await requireEvent(trx, eventId);
    const scale = await requireScale(trx, eventId, kind);
    const before = presentScale(scale, await listLevels(trx, scale.id));
    if (scale.version !== input.version) throw errors.conflict(before);
    await replaceLevels(trx, eventId, scale, input.levels, 'levels');
    const updated = await bumpScaleVersion(trx, scale.id, input.version, {
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(before);
    const after = presentScale(updated, await listLevels(trx, scale.id));
    await recordAudit(trx, actor, {
      action: 'scale.update',
      entityType: 'scale',
      entityId: scale.id,
      eventId,
      before,
      after,
    });
    return after;
  });
}

/** The event's scales as a set-up: each kind's active levels in order. */
export async function readScalesSetup(db: Db, eventId: number): Promise<ScalesSetup> {
  const scales = await eventScales(db, eventId);
  const active = (scale: Scale) =>
    scale.levels
      .filter((level) => !level.retired)
      .map(({ key, name, nameEn, colour, meaning, symbol }) => ({
        key,
        name,
        nameEn,
        colour,
        meaning,
        symbol,
      }));
  return { status: active(scales.status), prognosis: active(scales.prognosis) };
}

/** The set-up checked against its schema; 400 naming the first wrong field ("status.2.colour"). */
function validSetup(setup: ScalesSetup): ScalesSetup {
  const parsed = scalesSetup.safeParse(setup);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw errors.badRequest(issue!.message, { field: issue!.path.join('.') });
}

/**
 * Replaces the event's scales with the set-up's, inside the caller's transaction; an event
 * without scales yet (a new one) gets them. Levels that returns use are retired, not removed.
 */
export async function applyScalesSetup(
  trx: Db,
  eventId: number,
  setup: ScalesSetup,
  actor: Actor,
): Promise<void> {
  const valid = validSetup(setup);
  for (const kind of scaleKinds) {
    const now = new Date().toISOString();
    const existing = await findScale(trx, eventId, kind);
    const scale =
      existing ??
      (await insertScale(trx, {
        event_id: eventId,
        kind,
        version: 0,
        updated_by: actor.userId,
        updated_at: now,
      }));
    const before = existing ? presentScale(existing, await listLevels(trx, scale.id)) : null;
    await replaceLevels(trx, eventId, scale, valid[kind], kind);
    const updated = await bumpScaleVersion(trx, scale.id, scale.version, {
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: existing ? 'scale.update' : 'scale.create',
      entityType: 'scale',
      entityId: scale.id,
      eventId,
      before,
      after: presentScale(updated!, await listLevels(trx, scale.id)),
    });
  }
}
