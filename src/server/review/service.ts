import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { presentProvenance } from '../db/provenance.ts';
import { periodZoneOf } from '../events/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { indexForSearch, removeFromSearch } from '../search/index-document.ts';
import {
  type LessonRow,
  deleteLesson,
  findLesson,
  insertLesson,
  listLessons,
  updateLesson,
} from './repository.ts';
import type {
  Lesson,
  TimelineEntry,
  createLessonBody,
  timelineFilterQuery,
  timelineQuery,
  updateLessonBody,
} from '../../contract/review.ts';
import type { Page } from '../../contract/list.ts';
import { parsePeriod, zonedLocalToInstant } from '../../core/time.ts';
import type { ReviewDocument } from '../../render/review-document.ts';
import {
  type ReviewFormat,
  contentDisposition,
  reviewContentTypes,
  reviewDocument,
} from './export.ts';
import { type TimelineFilter, eventTimeline } from './timeline.ts';

export type { Lesson };

export function presentLesson(row: LessonRow): Lesson {
  return {
    id: row.id,
    eventId: row.event_id,
    observation: row.observation,
    recommendation: row.recommendation,
    owner: row.owner,
    state: row.state,
    category: row.category,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

/** One page of the event's timeline, oldest first, as the query narrows it. */
export async function timelinePage(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  query: z.infer<typeof timelineQuery>,
): Promise<Page<TimelineEntry>> {
  const { limit, offset } = query;
  const entries = await eventTimeline(
    db,
    eventId,
    includeInternal,
    await timelineFilterOf(db, eventId, query),
  );
  return { items: entries.slice(offset, offset + limit), total: entries.length, limit, offset };
}

/** The review as a Word or PDF file, with the headers to send it under. */
export async function reviewExport(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  query: z.infer<typeof timelineFilterQuery>,
  format: ReviewFormat,
): Promise<{ body: Buffer; contentType: string; contentDisposition: string }> {
  const document = await reviewDocument(
    db,
    eventId,
    includeInternal,
    query,
    await timelineFilterOf(db, eventId, query),
  );
  return {
    body: await render(document, format),
    contentType: reviewContentTypes[format],
    contentDisposition: contentDisposition(document, format),
  };
}

/** Calendar days in the event's zone: `to` includes the whole of its day. */
async function timelineFilterOf(
  db: Db,
  eventId: number,
  query: z.infer<typeof timelineFilterQuery>,
): Promise<TimelineFilter> {
  const zone = await periodZoneOf(db, eventId, query.from ?? query.to);
  const from = query.from
    ? zonedLocalToInstant(query.from, '00:00', zone).toISOString()
    : undefined;
  const to = query.to ? parsePeriod(query.to, zone).end.toISOString() : undefined;
  if (from && to && to <= from) {
    throw errors.badRequest('Slutdatumet kan inte vara före startdatumet.', { field: 'to' });
  }
  return { kinds: query.kinds, from, to, q: query.q || undefined };
}

/** The renderers (pdfmake, docx) load on first use, which keeps start-up fast. */
async function render(document: ReviewDocument, format: ReviewFormat): Promise<Buffer> {
  if (format === 'pdf') {
    const { renderReviewPdf } = await import('../../render/review-pdf.ts');
    return renderReviewPdf(document);
  }
  const { renderReviewDocx } = await import('../../render/review-docx.ts');
  return renderReviewDocx(document);
}

/** A lesson in the event's search: its observation names it, the rest is found too. */
function indexLesson(trx: Db, lesson: LessonRow) {
  return indexForSearch(trx, {
    eventId: lesson.event_id,
    kind: 'lesson',
    entityId: lesson.id,
    title: lesson.observation.split('\n')[0]!.slice(0, 120),
    body: [lesson.observation, lesson.recommendation, lesson.owner].join('\n'),
    internal: false,
    at: lesson.updated_at,
  });
}

/** The event's lessons, oldest first. */
export async function lessonsOf(db: Db, eventId: number): Promise<{ items: Lesson[] }> {
  return { items: (await listLessons(db, eventId)).map(presentLesson) };
}

export async function createLesson(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createLessonBody>,
  source = 'manual',
): Promise<Lesson> {
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
    await indexLesson(trx, lesson);
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
): Promise<Lesson> {
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
    await indexLesson(trx, updated);
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
    await removeFromSearch(trx, 'lesson', lessonId);
    await recordAudit(trx, actor, {
      action: 'lesson.delete',
      entityType: 'lesson',
      entityId: lessonId,
      eventId,
      before,
    });
  });
}
