import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { presentEvent } from '../events/service.ts';
import { canReadInternal } from '../http/guard.ts';
import { closingChecklist } from './checklist.ts';
import { closeEventBody, reopenEventBody } from '../../contract/closing.ts';
import { closeEvent, reopenEvent } from './service.ts';

export const closingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['events'];
  const manage = { kind: 'event', permission: 'event.manage' } as const;

  app.get(
    '/api/events/:eventId/closing-checklist',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: { tags, params: eventIdParams },
    },
    async (request) => {
      const items = await closingChecklist(db, request.params.eventId, {
        now: new Date().toISOString(),
        includeInternal: canReadInternal(request),
      });
      return { items, ready: items.every((item) => item.ok) };
    },
  );

  app.post(
    '/api/events/:eventId/close',
    { config: { access: manage }, schema: { tags, params: eventIdParams, body: closeEventBody } },
    async (request) =>
      presentEvent(await closeEvent(db, request.actor!, request.params.eventId, request.body)),
  );

  app.post(
    '/api/events/:eventId/reopen',
    {
      config: { access: { ...manage, onClosedEvent: true } },
      schema: { tags, params: eventIdParams, body: reopenEventBody },
    },
    async (request) =>
      presentEvent(await reopenEvent(db, request.actor!, request.params.eventId, request.body)),
  );
};
