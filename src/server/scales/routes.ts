import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  eventScales as eventScalesSchema,
  eventScalesParams,
  saveScaleBody,
  scale,
  scaleParams,
} from '../../contract/scales.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { eventScales, saveScale } from './service.ts';

export const scaleRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['scales'];

  app.get(
    '/api/events/:eventId/scales',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: { tags, params: eventScalesParams, response: { 200: eventScalesSchema } },
    },
    async (request) => eventScales(db, request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/scales/:kind',
    {
      config: { access: { kind: 'event', permission: 'event.manage' } },
      schema: { tags, params: scaleParams, body: saveScaleBody, response: { 200: scale } },
    },
    async (request) => {
      const { eventId, kind } = request.params;
      return saveScale(db, actorOf(request), eventId, kind, request.body);
    },
  );
};
