import type { Insertable, Selectable } from 'kysely';
import { updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { LessonsTable } from './tables.ts';

export type LessonRow = Selectable<LessonsTable>;

/** Oldest first: the order in which the staff wrote them down. */
export function listLessons(db: Db, eventId: number): Promise<LessonRow[]> {
  return db
    .selectFrom('lessons')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findLesson(db: Db, eventId: number, id: number): Promise<LessonRow | undefined> {
  return db
    .selectFrom('lessons')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertLesson(db: Db, row: Insertable<LessonsTable>): Promise<LessonRow> {
  return db.insertInto('lessons').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateLesson(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<LessonRow, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>,
): Promise<LessonRow | undefined> {
  return updateVersioned(db, 'lessons', id, expectedVersion, changes);
}

export async function deleteLesson(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const result = await db
    .deleteFrom('lessons')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
