import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import {
  replaceReturnFormBody,
  returnForm,
  returnFormParams,
} from '../../contract/return-forms.ts';
import { replaceReturnForm, returnFormOf } from './service.ts';

export const returnFormRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['return-forms'];

  app.get(
    '/api/events/:eventId/return-form',
    {
      config: { access: { kind: 'event', permission: 'event.read' } },
      schema: { tags, params: returnFormParams, response: { 200: returnForm } },
    },
    async (request) => returnFormOf(db, request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/return-form',
    {
      config: { access: { kind: 'event', permission: 'event.manage' } },
      schema: {
        tags,
        params: returnFormParams,
        body: replaceReturnFormBody,
        response: { 200: returnForm },
      },
    },
    async (request) =>
      replaceReturnForm(db, actorOf(request), request.params.eventId, request.body),
  );
};
