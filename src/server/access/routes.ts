import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  grantBody,
  grantList,
  grantParams,
  myGrants as myGrantsSchema,
  storedGrant,
} from '../../contract/access.ts';
import { noContent } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { grantRole, grantsOfEvent, myGrants, revokeGrant } from './service.ts';

export const accessRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['access'];
  const access = { kind: 'event', permission: 'access.manage' } as const;

  app.get(
    '/api/events/:eventId/grants',
    { config: { access }, schema: { tags, params: eventIdParams, response: { 200: grantList } } },
    async (request) => grantsOfEvent(db, request.params.eventId),
  );

  app.get(
    '/api/events/:eventId/grants/me',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: { tags, params: eventIdParams, response: { 200: myGrantsSchema } },
    },
    async (request) => myGrants(request.eventGrants),
  );

  app.post(
    '/api/events/:eventId/grants',
    {
      config: { access },
      schema: { tags, params: eventIdParams, body: grantBody, response: { 201: storedGrant } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await grantRole(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.delete(
    '/api/events/:eventId/grants/:grantId',
    { config: { access }, schema: { tags, params: grantParams, response: { 204: noContent } } },
    async (request, reply) => {
      await revokeGrant(db, actorOf(request), request.params.eventId, request.params.grantId);
      return reply.code(204).send(null);
    },
  );
};
