import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../../contract/common.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  boardQuery,
  createDiversionBody,
  diversion,
  diversionBoard,
  diversionExportQuery,
  diversionListQuery,
  diversionPage as diversionPageSchema,
  diversionParams,
  endDiversionBody,
  eventParams,
  updateDiversionBody,
} from '../../contract/diversions.ts';
import {
  diversionExport,
  changeDiversion,
  createDiversion,
  diversionBoardAt,
  diversionPage,
  endDiversion,
} from './service.ts';

export const diversionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['diversions'];
  const read = { access: { kind: 'event', permission: 'picture.read' } } as const;
  const write = { access: { kind: 'event', permission: 'diversion.write' } } as const;

  app.get(
    '/api/events/:eventId/diversions',
    {
      config: read,
      schema: {
        tags,
        params: eventParams,
        querystring: diversionListQuery,
        response: { 200: diversionPageSchema },
      },
    },
    async (request) =>
      diversionPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/diversions.csv',
    {
      config: read,
      schema: {
        tags,
        params: eventParams,
        querystring: diversionExportQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      return sendCsv(
        reply,
        await diversionExport(db, request.params.eventId, request.query, canReadInternal(request)),
      );
    },
  );

  app.get(
    '/api/events/:eventId/diversions/board',
    {
      config: { ...read, sharedAnswer: true },
      schema: {
        tags,
        params: eventParams,
        querystring: boardQuery,
        response: { 200: diversionBoard },
      },
    },
    async (request) =>
      diversionBoardAt(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.post(
    '/api/events/:eventId/diversions',
    {
      config: write,
      schema: {
        tags,
        params: eventParams,
        body: createDiversionBody,
        response: { 201: diversion },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createDiversion(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/diversions/:diversionId',
    {
      config: write,
      schema: {
        tags,
        params: diversionParams,
        body: updateDiversionBody,
        response: { 200: diversion },
      },
    },
    async (request) => {
      const { eventId, diversionId } = request.params;
      return changeDiversion(db, actorOf(request), eventId, diversionId, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/diversions/:diversionId/end',
    {
      config: write,
      schema: {
        tags,
        params: diversionParams,
        body: endDiversionBody,
        response: { 200: diversion },
      },
    },
    async (request) => {
      const { eventId, diversionId } = request.params;
      return endDiversion(db, actorOf(request), eventId, diversionId, request.body);
    },
  );
};
