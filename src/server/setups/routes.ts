import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse, noContent } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import {
  type EventSetup,
  deleteSetupQuery,
  importSetupBody,
  saveEventSetupBody,
  setupDetail,
  setupIdParams,
  setupList,
  updateSetupBody,
} from '../../contract/setups.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { attachmentDisposition } from '../http/csv.ts';
import {
  changeSetup,
  eventSetupFileOf,
  importSetup,
  removeSetup,
  saveEventAsSetup,
  setupFileOf,
  setupOf,
  setupsOfLibrary,
} from './service.ts';

function setupFile(setup: EventSetup): string {
  return `${JSON.stringify(setup, null, 2)}\n`;
}

export const setupRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['setups'];
  const library = { kind: 'system_admin' } as const;

  app.get(
    '/api/setups',
    { config: { access: library }, schema: { tags, response: { 200: setupList } } },
    async () => setupsOfLibrary(db),
  );

  app.post(
    '/api/setups',
    {
      config: { access: library },
      schema: { tags, body: importSetupBody, response: { 201: setupDetail } },
    },
    async (request, reply) =>
      reply.code(201).send(await importSetup(db, actorOf(request), request.body.setup)),
  );

  app.get(
    '/api/setups/:setupId',
    {
      config: { access: library },
      schema: { tags, params: setupIdParams, response: { 200: setupDetail } },
    },
    async (request) => setupOf(db, request.params.setupId),
  );

  app.get(
    '/api/setups/:setupId/file',
    {
      config: { access: library },
      schema: { tags, params: setupIdParams, response: { 200: fileResponse } },
    },
    async (request, reply) => {
      const { setup, fileName } = await setupFileOf(db, request.params.setupId);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachmentDisposition(fileName))
        .send(setupFile(setup));
    },
  );

  app.put(
    '/api/setups/:setupId',
    {
      config: { access: library },
      schema: {
        tags,
        params: setupIdParams,
        body: updateSetupBody,
        response: { 200: setupDetail },
      },
    },
    async (request) => changeSetup(db, actorOf(request), request.params.setupId, request.body),
  );

  app.delete(
    '/api/setups/:setupId',
    {
      config: { access: library },
      schema: {
        tags,
        params: setupIdParams,
        querystring: deleteSetupQuery,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await removeSetup(db, actorOf(request), request.params.setupId, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/events/:eventId/setup/file',
    {
      config: { access: { kind: 'event', permission: 'event.manage' } },
      schema: { tags, params: eventIdParams, response: { 200: fileResponse } },
    },
    async (request, reply) => {
      const { setup, fileName } = await eventSetupFileOf(db, request.params.eventId);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachmentDisposition(fileName))
        .send(setupFile(setup));
    },
  );

  app.post(
    '/api/events/:eventId/setup',
    {
      config: { access: library },
      schema: {
        tags,
        params: eventIdParams,
        body: saveEventSetupBody,
        response: { 201: setupDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await saveEventAsSetup(db, actorOf(request), request.params.eventId, request.body)),
  );
};
