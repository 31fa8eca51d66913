import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import {
  findFigureSource,
  findWebhook,
  listFigureSourceRuns,
  listFigureSources,
  listWebhookDeliveries,
  listWebhooks,
} from './repository.ts';
import {
  createSourceBody,
  createWebhookBody,
  deliveryListQuery,
  deliveryParams,
  sourceParams,
  updateSourceBody,
  updateWebhookBody,
  webhookParams,
} from '../../contract/feeds.ts';
import {
  changeFigureSource,
  changeWebhook,
  createFigureSource,
  createWebhook,
  presentDelivery,
  presentRun,
  presentSource,
  presentWebhook,
  retryDelivery,
} from './service.ts';

const recentRuns = 50;

/** Scheduled figure sources and outgoing webhooks of an event: for its admins only. */
export const feedRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['feeds'];
  const manage = { access: { kind: 'event', permission: 'feeds.manage' } } as const;

  app.get(
    '/api/events/:eventId/figure-sources',
    { config: manage, schema: { tags, params: eventIdParams } },
    async (request) => ({
      items: (await listFigureSources(db, request.params.eventId)).map(presentSource),
    }),
  );

  app.post(
    '/api/events/:eventId/figure-sources',
    { config: manage, schema: { tags, params: eventIdParams, body: createSourceBody } },
    async (request, reply) => {
      const source = await createFigureSource(
        db,
        request.actor!,
        request.params.eventId,
        request.body,
      );
      return reply.code(201).send(presentSource(source));
    },
  );

  app.patch(
    '/api/events/:eventId/figure-sources/:sourceId',
    { config: manage, schema: { tags, params: sourceParams, body: updateSourceBody } },
    async (request) => {
      const { eventId, sourceId } = request.params;
      return presentSource(
        await changeFigureSource(db, request.actor!, eventId, sourceId, request.body),
      );
    },
  );

  app.get(
    '/api/events/:eventId/figure-sources/:sourceId/runs',
    { config: manage, schema: { tags, params: sourceParams } },
    async (request) => {
      const { eventId, sourceId } = request.params;
      if (!(await findFigureSource(db, eventId, sourceId))) {
        throw errors.notFound('Nyckeltalskällan');
      }
      return { items: (await listFigureSourceRuns(db, sourceId, recentRuns)).map(presentRun) };
    },
  );

  app.get(
    '/api/events/:eventId/webhooks',
    { config: manage, schema: { tags, params: eventIdParams } },
    async (request) => ({
      items: (await listWebhooks(db, request.params.eventId)).map(presentWebhook),
    }),
  );

  app.post(
    '/api/events/:eventId/webhooks',
    { config: manage, schema: { tags, params: eventIdParams, body: createWebhookBody } },
    async (request, reply) => {
      const { webhook, secret } = await createWebhook(
        db,
        request.actor!,
        request.params.eventId,
        request.body,
      );
      return reply.code(201).send({ ...presentWebhook(webhook), secret });
    },
  );

  app.patch(
    '/api/events/:eventId/webhooks/:webhookId',
    { config: manage, schema: { tags, params: webhookParams, body: updateWebhookBody } },
    async (request) => {
      const { eventId, webhookId } = request.params;
      return presentWebhook(
        await changeWebhook(db, request.actor!, eventId, webhookId, request.body),
      );
    },
  );

  app.get(
    '/api/events/:eventId/webhooks/:webhookId/deliveries',
    {
      config: manage,
      schema: { tags, params: webhookParams, querystring: deliveryListQuery },
    },
    async (request) => {
      const { eventId, webhookId } = request.params;
      if (!(await findWebhook(db, eventId, webhookId))) throw errors.notFound('Webhooken');
      const { limit, offset } = request.query;
      const { rows, total } = await listWebhookDeliveries(db, webhookId, { limit, offset });
      return { items: rows.map(presentDelivery), total, limit, offset };
    },
  );

  app.post(
    '/api/events/:eventId/webhooks/:webhookId/deliveries/:deliveryId/retry',
    { config: manage, schema: { tags, params: deliveryParams } },
    async (request) => {
      const { eventId, webhookId, deliveryId } = request.params;
      return presentDelivery(
        await retryDelivery(db, request.actor!, eventId, webhookId, deliveryId),
      );
    },
  );
};
