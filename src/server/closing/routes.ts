import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeEventBody, closingChecklist, reopenEventBody } from '../../contract/closing.ts';
import { event, eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import { checklistNow, closeEvent, reopenEvent } from './service.ts';

export const closingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['events'];
  const manage = { kind: 'event', permission: 'event.manage' } as const;

  app.get(
    '/api/events/:eventId/closing-checklist',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: { tags, params: eventIdParams, response: { 200: closingChecklist } },
    },
    async (request) => checklistNow(db, request.params.eventId, canReadInternal(request)),
  );

  app.post(
    '/api/events/:eventId/close',
    {
      config: { access: manage },
      schema: { tags, params: eventIdParams, body: closeEventBody, response: { 200: event } },
    },
    async (request) => closeEvent(db, actorOf(request), request.params.eventId, request.body),
  );

  app.post(
    '/api/events/:eventId/reopen',
    {
      config: { access: { ...manage, onClosedEvent: true } },
      schema: { tags, params: eventIdParams, body: reopenEventBody, response: { 200: event } },
    },
    async (request) => reopenEvent(db, actorOf(request), request.params.eventId, request.body),
  );
};
