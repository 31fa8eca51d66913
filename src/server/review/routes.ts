import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { fileResponse, noContent } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  createLessonBody,
  deleteLessonQuery,
  exportParams,
  lesson,
  lessonList,
  lessonParams,
  timelineFilterQuery,
  timelinePage as timelinePageSchema,
  timelineQuery,
  updateLessonBody,
} from '../../contract/review.ts';
import {
  changeLesson,
  createLesson,
  lessonsOf,
  removeLesson,
  reviewExport,
  timelinePage,
} from './service.ts';

/** A Word or PDF file: a download that no shared cache keeps. */
function sendFile(
  reply: FastifyReply,
  file: { body: Buffer; contentType: string; contentDisposition: string },
) {
  return reply
    .header('content-disposition', file.contentDisposition)
    .header('cache-control', 'private, no-store')
    .type(file.contentType)
    .send(file.body);
}

export const reviewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['review'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  // Lessons are mostly written after the crisis organisation has closed.
  const write = { kind: 'event', permission: 'review.write', onClosedEvent: true } as const;

  app.get(
    '/api/events/:eventId/review/timeline',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: timelineQuery,
        response: { 200: timelinePageSchema },
      },
    },
    async (request) =>
      timelinePage(db, request.params.eventId, canReadInternal(request), request.query),
  );

  app.get(
    '/api/events/:eventId/review/export/:format',
    {
      config: { access: read },
      schema: {
        tags,
        params: exportParams,
        querystring: timelineFilterQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      const { eventId, format } = request.params;
      const file = await reviewExport(db, eventId, canReadInternal(request), request.query, format);
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/events/:eventId/review/lessons',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: lessonList } },
    },
    async (request) => lessonsOf(db, request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/review/lessons',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createLessonBody, response: { 201: lesson } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createLesson(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/review/lessons/:lessonId',
    {
      config: { access: write },
      schema: { tags, params: lessonParams, body: updateLessonBody, response: { 200: lesson } },
    },
    async (request) =>
      changeLesson(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.lessonId,
        request.body,
      ),
  );

  app.delete(
    '/api/events/:eventId/review/lessons/:lessonId',
    {
      config: { access: write },
      schema: {
        tags,
        params: lessonParams,
        querystring: deleteLessonQuery,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { eventId, lessonId } = request.params;
      await removeLesson(db, actorOf(request), eventId, lessonId, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
