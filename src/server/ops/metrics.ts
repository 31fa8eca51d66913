import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { fileResponse } from '../../contract/common.ts';
import { booleanFlag } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { RouteAccess } from '../http/guard.ts';
import type { AnyKysely } from './tables.ts';

/**
 * /metrics needs a system administrator (a bearer API token of one, for the scraper) unless
 * METRICS_PUBLIC is true, for a scraper on a network that only it can reach. The value was
 * checked at start (src/server/config.ts).
 */
export function metricsAccess(env: NodeJS.ProcessEnv = process.env): RouteAccess {
  const value = env.METRICS_PUBLIC?.trim();
  return value && booleanFlag.parse(value) ? { kind: 'public' } : { kind: 'system_admin' };
}

// Process metrics (memory, CPU, event-loop lag) once per process, however many apps it builds.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'lagesbild_' });
  }
  return processRegistry;
}

const plugin: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'lagesbild_http_requests_total',
    help: 'HTTP requests answered, by route pattern',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'lagesbild_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // Server-sent-event streams are the responses still open with an event-stream content type.
  const openResponses = new Set<ServerResponse>();
  new Gauge({
    name: 'lagesbild_sse_subscribers',
    help: 'Live-update (server-sent events) streams open on this node',
    registers: [registry],
    collect() {
      let streams = 0;
      for (const response of openResponses) if (isEventStream(response)) streams += 1;
      this.set(streams);
    },
  });

  const db = database.db as unknown as AnyKysely;
  const databaseUp = new Gauge({
    name: 'lagesbild_database_up',
    help: '1 when the last scrape could query the database, else 0',
    registers: [registry],
  });
  new Gauge({
    name: 'lagesbild_outbox_depth',
    help: 'E-mail deliveries not yet sent (pending or being sent)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      try {
        const rows = (await db
          .selectFrom('deliveries')
          .select(['state', (eb) => eb.fn.countAll().as('count')])
          .where('state', 'in', ['pending', 'sending'])
          .groupBy('state')
          .execute()) as { state: string; count: unknown }[];
        const counts = new Map(rows.map((row) => [row.state, Number(row.count)]));
        this.set({ state: 'pending' }, counts.get('pending') ?? 0);
        this.set({ state: 'sending' }, counts.get('sending') ?? 0);
        databaseUp.set(1);
      } catch {
        databaseUp.set(0);
      }
    },
  });

  const pool = database.pool;
  if (pool) {
    new Gauge({
      name: 'lagesbild_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, in use, and requests waiting for one',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'lagesbild_db_pool_max',
      help: 'The most connections the PostgreSQL pool opens',
      registers: [registry],
      collect() {
        this.set(pool.options.max);
      },
    });
  }

  app.addHook('onRequest', async (_request, reply) => {
    const response = reply.raw;
    openResponses.add(response);
    response.once('close', () => openResponses.delete(response));
  });
  app.addHook('onResponse', async (request, reply) => {
    // A live stream lasts as long as the reader watches: not a latency.
    if (isEventStream(reply.raw)) return;
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  const exposed = Registry.merge([processMetrics(), registry]);
  app.get(
    '/metrics',
    {
      config: { access: metricsAccess() },
      schema: { hide: true, response: { 200: fileResponse } },
    },
    async (_request, reply) => {
      const body = await exposed.metrics();
      return reply.header('content-type', exposed.contentType).send(body);
    },
  );
};

function isEventStream(response: ServerResponse): boolean {
  const type = response.headersSent ? response.getHeader('content-type') : undefined;
  return typeof type === 'string' && type.startsWith('text/event-stream');
}

/** Request rate and latency per route, SSE streams, outbox depth and pool usage at GET /metrics. */
export const metricsRoutes = fastifyPlugin(plugin, { name: 'lagesbild-metrics' });
