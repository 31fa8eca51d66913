import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage as auditPageSchema, auditQuery } from '../../contract/audit.ts';
import { eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { auditPage } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['audit'];

  app.get(
    '/api/audit',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, querystring: auditQuery, response: { 200: auditPageSchema } },
    },
    async (request) => auditPage(db, request.query),
  );

  app.get(
    '/api/events/:eventId/audit',
    {
      config: { access: { kind: 'event', permission: 'audit.read' } },
      schema: {
        tags,
        params: eventIdParams,
        querystring: auditQuery,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => auditPage(db, { ...request.query, eventId: request.params.eventId }),
  );
};
