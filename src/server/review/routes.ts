import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { parsePeriod, stockholmLocalToInstant } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import type { ReviewDocument } from '../../render/review-document.ts';
import {
  type ReviewFormat,
  contentDisposition,
  reviewContentTypes,
  reviewDocument,
} from './export.ts';
import { listLessons } from './repository.ts';
import {
  createLessonBody,
  deleteLessonQuery,
  exportParams,
  lessonParams,
  timelineFilterQuery,
  timelineQuery,
  updateLessonBody,
} from '../../contract/review.ts';
import { changeLesson, createLesson, presentLesson, removeLesson } from './service.ts';
import { type TimelineFilter, eventTimeline } from './timeline.ts';

export const reviewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['review'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  // Lessons are mostly written after the crisis organisation has closed.
  const write = { kind: 'event', permission: 'review.write', onClosedEvent: true } as const;

  app.get(
    '/api/events/:eventId/review/timeline',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: timelineQuery },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const entries = await eventTimeline(
        db,
        request.params.eventId,
        canReadInternal(request),
        timelineFilterOf(request.query),
      );
      return { items: entries.slice(offset, offset + limit), total: entries.length, limit, offset };
    },
  );

  app.get(
    '/api/events/:eventId/review/export/:format',
    {
      config: { access: read },
      schema: { tags, params: exportParams, querystring: timelineFilterQuery },
    },
    async (request, reply) => {
      const { eventId, format } = request.params;
      const document = await reviewDocument(
        db,
        eventId,
        canReadInternal(request),
        request.query,
        timelineFilterOf(request.query),
      );
      const body = await render(document, format);
      return reply
        .header('content-disposition', contentDisposition(document.eventName, format))
        .header('cache-control', 'private, no-store')
        .type(reviewContentTypes[format])
        .send(body);
    },
  );

  app.get(
    '/api/events/:eventId/review/lessons',
    { config: { access: read }, schema: { tags, params: eventIdParams } },
    async (request) => {
      const rows = await listLessons(db, request.params.eventId);
      return { items: rows.map(presentLesson) };
    },
  );

  app.post(
    '/api/events/:eventId/review/lessons',
    { config: { access: write }, schema: { tags, params: eventIdParams, body: createLessonBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createLesson(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/review/lessons/:lessonId',
    { config: { access: write }, schema: { tags, params: lessonParams, body: updateLessonBody } },
    async (request) =>
      changeLesson(
        db,
        request.actor!,
        request.params.eventId,
        request.params.lessonId,
        request.body,
      ),
  );

  app.delete(
    '/api/events/:eventId/review/lessons/:lessonId',
    {
      config: { access: write },
      schema: { tags, params: lessonParams, querystring: deleteLessonQuery },
    },
    async (request, reply) => {
      const { eventId, lessonId } = request.params;
      await removeLesson(db, request.actor!, eventId, lessonId, request.query.version);
      return reply.code(204).send();
    },
  );
};

/** Calendar days in Stockholm: `to` includes the whole of its day. */
function timelineFilterOf(query: z.infer<typeof timelineFilterQuery>): TimelineFilter {
  const from = query.from ? stockholmLocalToInstant(query.from).toISOString() : undefined;
  const to = query.to ? parsePeriod(query.to).end.toISOString() : undefined;
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
