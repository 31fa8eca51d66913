import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { nextSteps } from '../../contract/next-steps.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { nextStepsOf } from './service.ts';

export const nextStepRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/me/next',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags: ['next-steps'], response: { 200: nextSteps } },
    },
    async (request) => nextStepsOf(db, actorOf(request)),
  );
};
