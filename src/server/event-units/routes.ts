import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addEventUnitBody,
  eventUnitList,
  eventUnitParams,
  eventUnitsVersionQuery,
  importEventUnitsBody,
  replaceEventUnitsBody,
} from '../../contract/event-units.ts';
import { eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import {
  addEventUnit,
  eventUnitList as listOfEvent,
  importEventUnits,
  removeEventUnit,
  replaceEventUnits,
} from './service.ts';

export const eventUnitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['event-units'];
  const read = { access: { kind: 'event', permission: 'picture.read' } } as const;
  const manage = { access: { kind: 'event', permission: 'event.manage' } } as const;

  app.get(
    '/api/events/:eventId/units',
    { config: read, schema: { tags, params: eventIdParams, response: { 200: eventUnitList } } },
    async (request) => listOfEvent(db, request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/units',
    {
      config: manage,
      schema: {
        tags,
        params: eventIdParams,
        body: replaceEventUnitsBody,
        response: { 200: eventUnitList },
      },
    },
    async (request) =>
      replaceEventUnits(db, actorOf(request), request.params.eventId, request.body),
  );

  app.post(
    '/api/events/:eventId/units',
    {
      config: manage,
      schema: {
        tags,
        params: eventIdParams,
        body: addEventUnitBody,
        response: { 201: eventUnitList },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addEventUnit(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.post(
    '/api/events/:eventId/units/import',
    {
      config: manage,
      schema: {
        tags,
        params: eventIdParams,
        body: importEventUnitsBody,
        response: { 200: eventUnitList },
      },
    },
    async (request) => importEventUnits(db, actorOf(request), request.params.eventId, request.body),
  );

  app.delete(
    '/api/events/:eventId/units/:unitId',
    {
      config: manage,
      schema: {
        tags,
        params: eventUnitParams,
        querystring: eventUnitsVersionQuery,
        response: { 200: eventUnitList },
      },
    },
    async (request) =>
      removeEventUnit(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.unitId,
        request.query.version,
      ),
  );
};
