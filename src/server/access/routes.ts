import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAllowed, permissions, roles } from '../../core/access.ts';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { listGrants } from './repository.ts';
import { grantRole, revokeGrant } from './service.ts';
import { decimalId } from '../../contract/numbers.ts';

const grantBody = z
  .object({
    userId: z.number().int().positive(),
    role: z.enum(roles),
    unitId: z.number().int().positive().nullable().default(null),
  })
  .strict();

const grantParams = eventIdParams.extend({ grantId: decimalId });

export const accessRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['access'];
  const access = { kind: 'event', permission: 'access.manage' } as const;

  app.get(
    '/api/events/:eventId/grants',
    { config: { access }, schema: { tags, params: eventIdParams } },
    async (request) => ({ items: await listGrants(db, request.params.eventId) }),
  );

  app.get(
    '/api/events/:eventId/grants/me',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: { tags, params: eventIdParams },
    },
    async (request) => ({
      roles: [...new Set(request.eventGrants.map((grant) => grant.role))],
      unitIds: request.eventGrants.flatMap((grant) =>
        grant.unitId === null ? [] : [grant.unitId],
      ),
      permissions: permissions.filter((permission) => isAllowed(request.eventGrants, permission)),
    }),
  );

  app.post(
    '/api/events/:eventId/grants',
    { config: { access }, schema: { tags, params: eventIdParams, body: grantBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await grantRole(db, request.actor!, request.params.eventId, request.body)),
  );

  app.delete(
    '/api/events/:eventId/grants/:grantId',
    { config: { access }, schema: { tags, params: grantParams } },
    async (request, reply) => {
      await revokeGrant(db, request.actor!, request.params.eventId, request.params.grantId);
      return reply.code(204).send();
    },
  );
};
