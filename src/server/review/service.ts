import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type LessonRow,
  deleteLesson,
  findLesson,
  insertLesson,
  updateLesson,
} from './repository.ts';
import type { createLessonBody, updateLessonBody } from '../../contract/review.ts';

export type Lesson = ReturnType<typeof presentLesson>;

export function presentLesson(row: LessonRow) {
  return {
    id: row.id,
    eventId: row.event_id,
    observation: row.observation,
    recommendation: row.recommendation,
    owner: row.owner,
    state: row.state,
    category: row.category,
    provenance: {
      createdBy: row.created_by,
      createdAt: row.created_at,
      source: row.source,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    },
    version: row.version,
  };
}

export async function createLesson(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createLessonBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const lesson = await insertLesson(trx, {
      event_id: eventId,
      ...input,
      created_by: actor.userId,
      created_at: now,
      source,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'lesson.create',
      entityType: 'lesson',
      entityId: lesson.id,
      eventId,
      after: lesson,
    });
    return presentLesson(lesson);
  });
}

export async function changeLesson(
  db: Db,
  actor: Actor,
  eventId: number,
  lessonId: number,
  input: z.infer<typeof updateLessonBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findLesson(trx, eventId, lessonId);
    if (!before) throw errors.notFound('Lärdomen');
    const { version, ...changes } = input;
    const updated = await updateLesson(trx, lessonId, version, {
      ...changes,
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentLesson(before));
    await recordAudit(trx, actor, {
      action: 'lesson.update',
      entityType: 'lesson',
      entityId: lessonId,
      eventId,
      before,
      after: updated,
    });
    return presentLesson(updated);
  });
}

export async function removeLesson(
  db: Db,
  actor: Actor,
  eventId: number,
  lessonId: number,
  version: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findLesson(trx, eventId, lessonId);
    if (!before) throw errors.notFound('Lärdomen');
    if (!(await deleteLesson(trx, lessonId, version))) {
      throw errors.conflict(presentLesson(before));
    }
    await recordAudit(trx, actor, {
      action: 'lesson.delete',
      entityType: 'lesson',
      entityId: lessonId,
      eventId,
      before,
    });
  });
}
