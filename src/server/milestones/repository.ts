import type { Insertable, Selectable } from 'kysely';
import { updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { MilestoneChangesTable, MilestonesTable } from './tables.ts';

export type MilestoneRow = Selectable<MilestonesTable>;
export type MilestoneChangeRow = Selectable<MilestoneChangesTable>;

/** A change with the title and classification of its milestone, for timelines and reports. */
export type MilestoneChangeWithTitle = MilestoneChangeRow & { title: string; internal: number };

/** The event's milestones by current date, internal ones only when asked for. */
export function listMilestones(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<MilestoneRow[]> {
  let query = db.selectFrom('milestones').selectAll().where('event_id', '=', eventId);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('planned_on').orderBy('id').execute();
}

export function findMilestone(
  db: Db,
  eventId: number,
  id: number,
): Promise<MilestoneRow | undefined> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertMilestone(db: Db, row: Insertable<MilestonesTable>): Promise<MilestoneRow> {
  return db.insertInto('milestones').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateMilestone(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<MilestoneRow, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>,
): Promise<MilestoneRow | undefined> {
  return updateVersioned(db, 'milestones', id, expectedVersion, changes);
}

export function insertMilestoneChange(
  db: Db,
  row: Insertable<MilestoneChangesTable>,
): Promise<MilestoneChangeRow> {
  return db.insertInto('milestone_changes').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The history of one milestone, oldest first. */
export function changesOfMilestone(db: Db, milestoneId: number): Promise<MilestoneChangeRow[]> {
  return db
    .selectFrom('milestone_changes')
    .selectAll()
    .where('milestone_id', '=', milestoneId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

/**
 * The moves and reachings of the event's milestones in [fromIso, toIso), oldest first, each with
 * its milestone's title and classification; the caller decides what a reader may see.
 */
export function listMilestoneChanges(
  db: Db,
  eventId: number,
  fromIso: string,
  toIso: string,
): Promise<MilestoneChangeWithTitle[]> {
  return db
    .selectFrom('milestone_changes')
    .innerJoin('milestones', 'milestones.id', 'milestone_changes.milestone_id')
    .selectAll('milestone_changes')
    .select(['milestones.title', 'milestones.internal'])
    .where('milestone_changes.event_id', '=', eventId)
    .where('milestone_changes.kind', '!=', 'created')
    .where('milestone_changes.changed_at', '>=', fromIso)
    .where('milestone_changes.changed_at', '<', toIso)
    .orderBy('milestone_changes.changed_at')
    .orderBy('milestone_changes.id')
    .execute();
}
