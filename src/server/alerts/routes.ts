import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  alertChoices,
  alertList,
  alertListQuery,
  saveAlertChoicesBody,
} from '../../contract/alerts.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { alertChoicesOf, myAlerts, saveAlertChoices } from './service.ts';

export const alertRoutes: FastifyPluginAsyncZod<{ db: Db; smsAvailable: boolean }> = async (
  app,
  { db, smsAvailable },
) => {
  const tags = ['alerts'];
  const signedIn = { access: { kind: 'signed_in' } } as const;

  app.get(
    '/api/me/alerts',
    {
      config: signedIn,
      schema: { tags, querystring: alertListQuery, response: { 200: alertList } },
    },
    async (request) => myAlerts(db, actorOf(request), request.query.after),
  );

  app.get(
    '/api/me/alert-choices',
    { config: signedIn, schema: { tags, response: { 200: alertChoices } } },
    async (request) => alertChoicesOf(db, actorOf(request), smsAvailable),
  );

  app.put(
    '/api/me/alert-choices',
    {
      config: signedIn,
      schema: { tags, body: saveAlertChoicesBody, response: { 200: alertChoices } },
    },
    async (request) => saveAlertChoices(db, actorOf(request), request.body, smsAvailable),
  );
};
