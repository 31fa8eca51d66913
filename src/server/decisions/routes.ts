import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../../contract/common.ts';
import {
  createDecisionBody,
  decision,
  decisionExportQuery,
  decisionListQuery,
  decisionPage as decisionPageSchema,
  decisionParams,
  decisionWithActions as decisionWithActionsSchema,
  updateDecisionBody,
} from '../../contract/decisions.ts';
import { eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  decisionExport,
  changeDecision,
  createDecision,
  decisionPage,
  decisionWithActions,
} from './service.ts';

export const decisionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['decisions'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'decision.write' } as const;

  app.get(
    '/api/events/:eventId/decisions',
    {
      config: { access: read, sharedAnswer: true },
      schema: {
        tags,
        params: eventIdParams,
        querystring: decisionListQuery,
        response: { 200: decisionPageSchema },
      },
    },
    async (request) =>
      decisionPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/decisions.csv',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: decisionExportQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      return sendCsv(
        reply,
        await decisionExport(db, request.params.eventId, request.query, canReadInternal(request)),
      );
    },
  );

  app.get(
    '/api/events/:eventId/decisions/:decisionId',
    {
      config: { access: read },
      schema: { tags, params: decisionParams, response: { 200: decisionWithActionsSchema } },
    },
    async (request) =>
      decisionWithActions(
        db,
        request.params.eventId,
        request.params.decisionId,
        canReadInternal(request),
      ),
  );

  app.post(
    '/api/events/:eventId/decisions',
    {
      config: { access: write },
      schema: {
        tags,
        params: eventIdParams,
        body: createDecisionBody,
        response: { 201: decision },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createDecision(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/decisions/:decisionId',
    {
      config: { access: write },
      schema: {
        tags,
        params: decisionParams,
        body: updateDecisionBody,
        response: { 200: decision },
      },
    },
    async (request) =>
      changeDecision(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.decisionId,
        request.body,
      ),
  );
};
