import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  action,
  actionExportQuery,
  actionListQuery,
  actionPage as actionPageSchema,
  actionParams,
  actionSummary as actionSummarySchema,
  createActionBody,
  updateActionBody,
} from '../../contract/actions.ts';
import { fileResponse } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { actionPage, actionSummary, actionExport, changeAction, createAction } from './service.ts';

export const actionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['actions'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'action.write' } as const;

  app.get(
    '/api/events/:eventId/actions',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: actionListQuery,
        response: { 200: actionPageSchema },
      },
    },
    async (request) =>
      actionPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/actions/summary',
    {
      config: { access: read, sharedAnswer: true },
      schema: { tags, params: eventIdParams, response: { 200: actionSummarySchema } },
    },
    async (request) => actionSummary(db, request.params.eventId, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/actions.csv',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: actionExportQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      return sendCsv(
        reply,
        await actionExport(db, request.params.eventId, request.query, canReadInternal(request)),
      );
    },
  );

  app.post(
    '/api/events/:eventId/actions',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createActionBody, response: { 201: action } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createAction(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/actions/:actionId',
    {
      config: { access: write },
      schema: { tags, params: actionParams, body: updateActionBody, response: { 200: action } },
    },
    async (request) =>
      changeAction(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.actionId,
        request.body,
      ),
  );
};
