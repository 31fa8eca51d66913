import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import {
  createLogEntryBody,
  logEntry,
  logEntryPage as logEntryPageSchema,
  logEntryParams,
  logExportQuery,
  logListQuery,
  strikeLogEntryBody,
  updateLogEntryBody,
} from '../../contract/log.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  logExport,
  correctLogEntry,
  createLogEntry,
  logEntryPage,
  strikeLogEntry,
} from './service.ts';

export const logRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['log'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'log.write' } as const;

  app.get(
    '/api/events/:eventId/log',
    {
      config: { access: read, sharedAnswer: true },
      schema: {
        tags,
        params: eventIdParams,
        querystring: logListQuery,
        response: { 200: logEntryPageSchema },
      },
    },
    async (request) =>
      logEntryPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/log.csv',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: logExportQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      return sendCsv(
        reply,
        await logExport(db, request.params.eventId, request.query, canReadInternal(request)),
      );
    },
  );

  app.post(
    '/api/events/:eventId/log',
    {
      config: { access: write },
      schema: {
        tags,
        params: eventIdParams,
        body: createLogEntryBody,
        response: { 201: logEntry },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createLogEntry(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/log/:entryId',
    {
      config: { access: write },
      schema: {
        tags,
        params: logEntryParams,
        body: updateLogEntryBody,
        response: { 200: logEntry },
      },
    },
    async (request) =>
      correctLogEntry(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.entryId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/log/:entryId/strike',
    {
      config: { access: write },
      schema: {
        tags,
        params: logEntryParams,
        body: strikeLogEntryBody,
        response: { 200: logEntry },
      },
    },
    async (request) =>
      strikeLogEntry(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.entryId,
        request.body,
      ),
  );
};
