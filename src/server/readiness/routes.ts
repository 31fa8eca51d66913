import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  readinessChange,
  readinessOverview as readinessOverviewSchema,
  readinessParams,
  readinessQuery,
  setReadinessBody,
  unitReadinessParams,
} from '../../contract/readiness.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import { readinessOverview, setReadiness } from './service.ts';

export const readinessRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['readiness'];
  const write = { kind: 'event', permission: 'readiness.write' } as const;

  app.get(
    '/api/events/:eventId/readiness',
    {
      config: { access: { kind: 'event', permission: 'picture.read' }, sharedAnswer: true },
      schema: {
        tags,
        params: readinessParams,
        querystring: readinessQuery,
        response: { 200: readinessOverviewSchema },
      },
    },
    async (request) =>
      readinessOverview(db, request.params.eventId, {
        includeInternal: canReadInternal(request),
        historyLimit: request.query.historyLimit,
      }),
  );

  app.post(
    '/api/events/:eventId/readiness',
    {
      config: { access: write },
      schema: {
        tags,
        params: readinessParams,
        body: setReadinessBody,
        response: { 201: readinessChange },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await setReadiness(db, actorOf(request), request.params.eventId, null, request.body)),
  );

  app.post(
    '/api/events/:eventId/units/:unitId/readiness',
    {
      config: { access: write },
      schema: {
        tags,
        params: unitReadinessParams,
        body: setReadinessBody,
        response: { 201: readinessChange },
      },
    },
    async (request, reply) => {
      const { eventId, unitId } = request.params;
      return reply
        .code(201)
        .send(await setReadiness(db, actorOf(request), eventId, unitId, request.body));
    },
  );
};
