import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { liveness, notReady, readiness } from '../../contract/health.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const access = { kind: 'public' } as const;

  app.get(
    '/healthz',
    { config: { access }, schema: { hide: true, response: { 200: liveness } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { config: { access }, schema: { hide: true, response: { 200: readiness, 503: notReady } } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ready' as const };
      } catch {
        return reply.code(503).send({ status: 'not_ready', message: 'Databasen går inte att nå.' });
      }
    },
  );
};
