import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  readinessParams,
  readinessQuery,
  setReadinessBody,
  unitReadinessParams,
} from '../../contract/readiness.ts';
import { presentChange, readinessOverview, setReadiness } from './service.ts';

export const readinessRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['readiness'];

  app.get(
    '/api/events/:eventId/readiness',
    {
      config: { access: { kind: 'event', permission: 'picture.read' }, sharedAnswer: true },
      schema: { tags, params: readinessParams, querystring: readinessQuery },
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
      config: { access: { kind: 'event', permission: 'readiness.write' } },
      schema: { tags, params: readinessParams, body: setReadinessBody },
    },
    async (request, reply) => {
      const change = await setReadiness(
        db,
        request.actor!,
        request.params.eventId,
        null,
        request.body,
      );
      return reply.code(201).send(presentChange(change));
    },
  );

  app.post(
    '/api/events/:eventId/units/:unitId/readiness',
    {
      config: { access: { kind: 'event', permission: 'readiness.write' } },
      schema: { tags, params: unitReadinessParams, body: setReadinessBody },
    },
    async (request, reply) => {
      const { eventId, unitId } = request.params;
      const change = await setReadiness(db, request.actor!, eventId, unitId, request.body);
      return reply.code(201).send(presentChange(change));
    },
  );
};
