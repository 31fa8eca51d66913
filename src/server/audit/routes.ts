import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { listAuditRecords } from './repository.ts';
import { decimalId, decimalNumber } from '../../contract/numbers.ts';

const auditQuery = z
  .object({
    action: z.string().max(100).optional(),
    entityType: z.string().max(100).optional(),
    entityId: z.string().max(100).optional(),
    actorUserId: decimalId.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: decimalNumber(1, 500).default(100),
    beforeId: decimalId.optional(),
  })
  .strict();

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['audit'];

  app.get(
    '/api/audit',
    { config: { access: { kind: 'system_admin' } }, schema: { tags, querystring: auditQuery } },
    async (request) => listAuditRecords(db, request.query),
  );

  app.get(
    '/api/events/:eventId/audit',
    {
      config: { access: { kind: 'event', permission: 'audit.read' } },
      schema: { tags, params: eventIdParams, querystring: auditQuery },
    },
    async (request) => listAuditRecords(db, { ...request.query, eventId: request.params.eventId }),
  );
};
