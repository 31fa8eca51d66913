import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';

export const healthRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const access = { kind: 'public' } as const;

  app.get('/healthz', { config: { access } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'not_ready', message: 'Databasen går inte att nå.' });
    }
  });
};
