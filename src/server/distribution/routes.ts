import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { fileResponse } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import { actorOf, systemActor } from '../http/actor.ts';
import {
  delivery,
  deliveryParams,
  distributionList,
  distributionLists,
  listBody,
  listParams,
  mailStatus,
  outboxPage,
  outboxQuery,
  subscription,
  unsubscribeParams,
  updateListBody,
} from '../../contract/distribution.ts';
import {
  changeList,
  createList,
  distributionListsOf,
  eventOutbox,
  resendDelivery,
  subscribe,
  subscriptionOf,
  unsubscribe,
} from './service.ts';

/** `mailConfigured`: whether the installation has an SMTP relay; without one nothing is sent. */
export const distributionRoutes: FastifyPluginAsyncZod<{
  db: Db;
  mailConfigured: boolean;
}> = async (app, { db, mailConfigured }) => {
  const tags = ['distribution'];
  const manage = { kind: 'event', permission: 'distribution.manage' } as const;
  const reader = { kind: 'event', permission: 'event.read' } as const;

  app.get(
    '/api/mail-status',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, response: { 200: mailStatus } },
    },
    async () => ({ configured: mailConfigured }),
  );

  app.get(
    '/api/events/:eventId/outbox',
    {
      config: { access: manage },
      schema: {
        tags,
        params: eventIdParams,
        querystring: outboxQuery,
        response: { 200: outboxPage },
      },
    },
    async (request) => eventOutbox(db, request.params.eventId, request.query),
  );

  app.post(
    '/api/events/:eventId/deliveries/:deliveryId/resend',
    {
      config: { access: manage },
      schema: { tags, params: deliveryParams, response: { 200: delivery } },
    },
    async (request) =>
      resendDelivery(db, actorOf(request), request.params.eventId, request.params.deliveryId),
  );

  app.get(
    '/api/events/:eventId/distribution-lists',
    {
      config: { access: manage },
      schema: { tags, params: eventIdParams, response: { 200: distributionLists } },
    },
    async (request) => distributionListsOf(db, request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/distribution-lists',
    {
      config: { access: manage },
      schema: { tags, params: eventIdParams, body: listBody, response: { 201: distributionList } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createList(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.put(
    '/api/events/:eventId/distribution-lists/:listId',
    {
      config: { access: manage },
      schema: {
        tags,
        params: listParams,
        body: updateListBody,
        response: { 200: distributionList },
      },
    },
    async (request) => {
      const { eventId, listId } = request.params;
      return changeList(db, actorOf(request), eventId, listId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/subscription',
    {
      config: { access: reader },
      schema: { tags, params: eventIdParams, response: { 200: subscription } },
    },
    async (request) => subscriptionOf(db, actorOf(request), request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/subscription',
    {
      config: { access: reader },
      schema: { tags, params: eventIdParams, response: { 201: subscription } },
    },
    async (request, reply) =>
      reply.code(201).send(await subscribe(db, actorOf(request), request.params.eventId)),
  );

  app.get(
    '/unsubscribe/:token',
    {
      config: { access: { kind: 'public' } },
      schema: { hide: true, params: unsubscribeParams, response: { 200: fileResponse } },
    },
    async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(unsubscribePage(request.params.token)),
  );

  app.post(
    '/unsubscribe/:token',
    {
      config: { access: { kind: 'public' }, csrf: false },
      schema: { tags, params: unsubscribeParams, response: { 200: fileResponse } },
    },
    async (request, reply) => {
      const removed = await unsubscribe(
        db,
        { ...systemActor, label: 'unsubscribe link', requestId: request.id },
        request.params.token,
      );
      return reply.type('text/html; charset=utf-8').send(resultPage(removed));
    },
  );
};

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/assets/report.css"></head><body><main class="report"><h1>${title}</h1>${body}</main></body></html>`;
}

function unsubscribePage(token: string): string {
  return page(
    'Avsluta prenumeration',
    `<p>Vill du sluta få rapporterna via e-post?</p><form method="post" action="/unsubscribe/${token}"><button type="submit">Avsluta prenumerationen</button></form>`,
  );
}

function resultPage(removed: boolean): string {
  return page(
    removed ? 'Prenumerationen är avslutad' : 'Ingen prenumeration hittades',
    removed
      ? '<p>Du får inte längre rapporten via e-post.</p>'
      : '<p>Länken är redan använd eller gäller inte längre. Du får inga fler utskick via den.</p>',
  );
}
