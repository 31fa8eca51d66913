import type { Insertable, Selectable } from 'kysely';
import { updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { ScaleKind } from '../../contract/scales.ts';
import type { EventScalesTable, ScaleLevelsTable } from './tables.ts';

export type EventScaleRow = Selectable<EventScalesTable>;
export type ScaleLevelRow = Selectable<ScaleLevelsTable>;

export function findScale(
  db: Db,
  eventId: number,
  kind: ScaleKind,
): Promise<EventScaleRow | undefined> {
  return db
    .selectFrom('event_scales')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** Active levels in their order, then retired ones. */
export function listLevels(db: Db, scaleId: number): Promise<ScaleLevelRow[]> {
  return db
    .selectFrom('scale_levels')
    .selectAll()
    .where('scale_id', '=', scaleId)
    .orderBy('retired')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The keys of the active levels of both the event's scales, in one query, each in order. */
export function activeLevelKeysOfEvent(
  db: Db,
  eventId: number,
): Promise<{ kind: ScaleKind; key: string }[]> {
  return db
    .selectFrom('scale_levels')
    .innerJoin('event_scales', 'event_scales.id', 'scale_levels.scale_id')
    .select(['event_scales.kind', 'scale_levels.key'])
    .where('event_scales.event_id', '=', eventId)
    .where('scale_levels.retired', '=', 0)
    .orderBy('scale_levels.position')
    .orderBy('scale_levels.id')
    .execute();
}

export function insertScale(db: Db, scale: Insertable<EventScalesTable>): Promise<EventScaleRow> {
  return db.insertInto('event_scales').values(scale).returningAll().executeTakeFirstOrThrow();
}

export function bumpScaleVersion(
  db: Db,
  scaleId: number,
  expectedVersion: number,
  changes: { updated_by: number | null; updated_at: string },
): Promise<EventScaleRow | undefined> {
  return updateVersioned(db, 'event_scales', scaleId, expectedVersion, changes);
}

export async function insertLevels(db: Db, levels: Insertable<ScaleLevelsTable>[]): Promise<void> {
  if (levels.length > 0) await db.insertInto('scale_levels').values(levels).execute();
}

export async function updateLevel(
  db: Db,
  levelId: number,
  changes: Omit<Insertable<ScaleLevelsTable>, 'scale_id' | 'key'>,
): Promise<void> {
  await db.updateTable('scale_levels').set(changes).where('id', '=', levelId).execute();
}

export async function deleteLevels(db: Db, levelIds: number[]): Promise<void> {
  if (levelIds.length > 0)
    await db.deleteFrom('scale_levels').where('id', 'in', levelIds).execute();
}
