import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createEventBody,
  event,
  eventIdParams,
  eventList,
  periodDataAsOf,
  periodDataAsOfList,
  periodDataParams,
  setDataAsOfBody,
  updateEventBody,
} from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { createEvent } from '../setups/service.ts';
import { dataAsOfList, setDataAsOf } from './periods.ts';
import { changeEvent, eventById, visibleEvents } from './service.ts';

export const eventRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['events'];

  app.get(
    '/api/events',
    { config: { access: { kind: 'signed_in' } }, schema: { tags, response: { 200: eventList } } },
    async (request) => visibleEvents(db, actorOf(request)),
  );

  app.post(
    '/api/events',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, body: createEventBody, response: { 201: event } },
    },
    async (request, reply) =>
      reply.code(201).send(await createEvent(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/events/:eventId',
    {
      config: { access: { kind: 'event', permission: 'event.read' }, sharedAnswer: true },
      schema: { tags, params: eventIdParams, response: { 200: event } },
    },
    async (request) => eventById(db, request.params.eventId),
  );

  app.patch(
    '/api/events/:eventId',
    {
      config: { access: { kind: 'event', permission: 'event.manage' } },
      schema: { tags, params: eventIdParams, body: updateEventBody, response: { 200: event } },
    },
    async (request) => changeEvent(db, actorOf(request), request.params.eventId, request.body),
  );
  app.get(
    '/api/events/:eventId/data-as-of',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: { tags, params: eventIdParams, response: { 200: periodDataAsOfList } },
    },
    async (request) => dataAsOfList(db, request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/data-as-of/:period',
    {
      config: { access: { kind: 'event', permission: 'input_request.manage' } },
      schema: {
        tags,
        params: periodDataParams,
        body: setDataAsOfBody,
        response: { 200: periodDataAsOf },
      },
    },
    async (request) =>
      setDataAsOf(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.period,
        request.body,
      ),
  );
};
