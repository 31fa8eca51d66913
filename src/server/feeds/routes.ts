import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { actorOf } from '../http/actor.ts';
import {
  createSourceBody,
  createWebhookBody,
  createdWebhook,
  deliveryListQuery,
  deliveryParams,
  figureSource,
  figureSourceList,
  sourceParams,
  sourceRunList,
  updateSourceBody,
  updateWebhookBody,
  webhook,
  webhookDelivery,
  webhookDeliveryPage,
  webhookList,
  webhookParams,
} from '../../contract/feeds.ts';
import {
  changeFigureSource,
  changeWebhook,
  createFigureSource,
  createWebhook,
  deliveryPage,
  figureSourcesOf,
  recentRunsOf,
  retryDelivery,
  webhooksOf,
} from './service.ts';

/** Scheduled figure sources and outgoing webhooks of an event: for its admins only. */
export const feedRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['feeds'];
  const manage = { access: { kind: 'event', permission: 'feeds.manage' } } as const;

  app.get(
    '/api/events/:eventId/figure-sources',
    {
      config: manage,
      schema: { tags, params: eventIdParams, response: { 200: figureSourceList } },
    },
    async (request) => figureSourcesOf(db, request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/figure-sources',
    {
      config: manage,
      schema: {
        tags,
        params: eventIdParams,
        body: createSourceBody,
        response: { 201: figureSource },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createFigureSource(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/figure-sources/:sourceId',
    {
      config: manage,
      schema: {
        tags,
        params: sourceParams,
        body: updateSourceBody,
        response: { 200: figureSource },
      },
    },
    async (request) => {
      const { eventId, sourceId } = request.params;
      return changeFigureSource(db, actorOf(request), eventId, sourceId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/figure-sources/:sourceId/runs',
    { config: manage, schema: { tags, params: sourceParams, response: { 200: sourceRunList } } },
    async (request) => recentRunsOf(db, request.params.eventId, request.params.sourceId),
  );

  app.get(
    '/api/events/:eventId/webhooks',
    { config: manage, schema: { tags, params: eventIdParams, response: { 200: webhookList } } },
    async (request) => webhooksOf(db, request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/webhooks',
    {
      config: manage,
      schema: {
        tags,
        params: eventIdParams,
        body: createWebhookBody,
        response: { 201: createdWebhook },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createWebhook(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/webhooks/:webhookId',
    {
      config: manage,
      schema: { tags, params: webhookParams, body: updateWebhookBody, response: { 200: webhook } },
    },
    async (request) => {
      const { eventId, webhookId } = request.params;
      return changeWebhook(db, actorOf(request), eventId, webhookId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/webhooks/:webhookId/deliveries',
    {
      config: manage,
      schema: {
        tags,
        params: webhookParams,
        querystring: deliveryListQuery,
        response: { 200: webhookDeliveryPage },
      },
    },
    async (request) =>
      deliveryPage(db, request.params.eventId, request.params.webhookId, request.query),
  );

  app.post(
    '/api/events/:eventId/webhooks/:webhookId/deliveries/:deliveryId/retry',
    {
      config: manage,
      schema: { tags, params: deliveryParams, response: { 200: webhookDelivery } },
    },
    async (request) => {
      const { eventId, webhookId, deliveryId } = request.params;
      return retryDelivery(db, actorOf(request), eventId, webhookId, deliveryId);
    },
  );
};
