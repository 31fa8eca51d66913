import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { findEvent, listEvents } from './repository.ts';
import { createEventBody, eventIdParams, updateEventBody } from '../../contract/events.ts';
import { changeEvent, createEvent, presentEvent } from './service.ts';

export const eventRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/events',
    { config: { access: { kind: 'signed_in' } }, schema: { tags: ['events'] } },
    async (request) => {
      const actor = request.actor!;
      const events = await listEvents(db, { userId: actor.userId!, isAdmin: actor.isAdmin });
      return { items: events.map(presentEvent) };
    },
  );

  app.post(
    '/api/events',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags: ['events'], body: createEventBody },
    },
    async (request, reply) => {
      const event = await createEvent(db, request.actor!, request.body);
      return reply.code(201).send(presentEvent(event));
    },
  );

  app.get(
    '/api/events/:eventId',
    {
      config: { access: { kind: 'event', permission: 'event.read' }, sharedAnswer: true },
      schema: { tags: ['events'], params: eventIdParams },
    },
    async (request) => {
      const event = await findEvent(db, request.params.eventId);
      if (!event) throw errors.notFound('Händelsen');
      return presentEvent(event);
    },
  );

  app.patch(
    '/api/events/:eventId',
    {
      config: { access: { kind: 'event', permission: 'event.manage' } },
      schema: { tags: ['events'], params: eventIdParams, body: updateEventBody },
    },
    async (request) =>
      presentEvent(await changeEvent(db, request.actor!, request.params.eventId, request.body)),
  );
};
