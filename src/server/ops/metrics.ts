import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { fileResponse } from '../../contract/common.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { RouteAccess } from '../http/guard.ts';
import type { AnyKysely } from './tables.ts';

/**
 * /metrics answers the scraper's bearer token (METRICS_TOKEN_SHA256 holds its SHA-256), checked
 * without the database, or anyone when METRICS_PUBLIC is true (for a scraper on a network that
 * only it can reach). Sessions and API tokens do not count: a scrape needs no user's rights.
 */
export function metricsAccess(
  config: Partial<Pick<Config, 'METRICS_PUBLIC' | 'METRICS_TOKEN_SHA256'>>,
): RouteAccess {
  const hash = config.METRICS_TOKEN_SHA256;
  return {
    kind: 'scraper',
    tokenSha256: hash ? Buffer.from(hash, 'hex') : null,
    open: config.METRICS_PUBLIC === true,
  };
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

const plugin: FastifyPluginAsync<{ database: Database; access: RouteAccess }> = async (
  app,
  { database, access },
) => {
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

  const probe = databaseProbe(database);
  app.addHook('onClose', () => probe.close());
  const databaseUp = new Gauge({
    name: 'lagesbild_database_up',
    help: '1 when this scrape could query the database within 1.5 s, else 0',
    registers: [registry],
  });
  const outboxDepth = new Gauge({
    name: 'lagesbild_outbox_depth',
    help: 'E-mail deliveries not yet sent (pending or being sent)',
    labelNames: ['state'],
    registers: [registry],
  });
  const outboxOldest = new Gauge({
    name: 'lagesbild_outbox_oldest_seconds',
    help: 'How long the oldest e-mail delivery not yet sent has waited; 0 when none waits',
    registers: [registry],
  });
  const measureDatabase = async () => {
    const outbox = await probe.readOutbox();
    databaseUp.set(outbox ? 1 : 0);
    outboxDepth.reset();
    outboxOldest.reset();
    if (!outbox) return;
    outboxDepth.set({ state: 'pending' }, outbox.pending);
    outboxDepth.set({ state: 'sending' }, outbox.sending);
    const oldest = outbox.oldestCreatedAt ? Date.parse(outbox.oldestCreatedAt) : Date.now();
    outboxOldest.set(Math.max(0, (Date.now() - oldest) / 1000));
  };

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
  app.readyPages.observe(({ route, statusCode, seconds }) => {
    const labels = { method: 'GET', route, status_code: String(statusCode) };
    requests.inc(labels);
    duration.observe(labels, seconds);
  });

  const exposed = Registry.merge([processMetrics(), registry]);
  app.get(
    '/metrics',
    {
      config: { access },
      schema: { hide: true, response: { 200: fileResponse } },
    },
    async (_request, reply) => {
      await measureDatabase();
      const body = await exposed.metrics();
      return reply.header('content-type', exposed.contentType).send(body);
    },
  );
};

const probeTimeoutMs = 1500;

interface OutboxState {
  pending: number;
  sending: number;
  oldestCreatedAt: string | null;
}

/**
 * The scrape's own way to the database, bounded by probeTimeoutMs. On PostgreSQL it is one
 * connection outside the app's pool: the pool's numbers do not count the scrape, and a full pool
 * does not make the database look down.
 */
function databaseProbe(database: Database) {
  const own = database.pool
    ? new Kysely<Schema>({ dialect: new PostgresDialect({ pool: scrapePool(database.pool) }) })
    : null;
  const db = (own ?? database.db) as unknown as AnyKysely;
  return {
    readOutbox: (): Promise<OutboxState | null> =>
      withTimeout(outboxState(db), probeTimeoutMs).catch(() => null),
    close: async () => {
      await own?.destroy();
    },
  };
}

function scrapePool(appPool: pg.Pool): pg.Pool {
  const pool = new pg.Pool({
    ...appPool.options,
    max: 1,
    connectionTimeoutMillis: probeTimeoutMs,
    query_timeout: probeTimeoutMs,
    idleTimeoutMillis: 60_000,
  });
  pool.on('error', () => {
    // The idle connection lost its server; the next scrape opens another.
  });
  return pool;
}

async function outboxState(db: AnyKysely): Promise<OutboxState> {
  const rows = (await db
    .selectFrom('deliveries')
    .select([
      'state',
      (eb) => eb.fn.countAll().as('count'),
      (eb) => eb.fn.min('created_at').as('oldest'),
    ])
    .where('state', 'in', ['pending', 'sending'])
    .groupBy('state')
    .execute()) as { state: string; count: unknown; oldest: string | null }[];
  const count = (state: string) => Number(rows.find((row) => row.state === state)?.count ?? 0);
  const oldest = rows.map((row) => row.oldest).filter((value) => value !== null);
  return {
    pending: count('pending'),
    sending: count('sending'),
    oldestCreatedAt: oldest.sort()[0] ?? null,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isEventStream(response: ServerResponse): boolean {
  const type = response.headersSent ? response.getHeader('content-type') : undefined;
  return typeof type === 'string' && type.startsWith('text/event-stream');
}

/** Request rate and latency per route, SSE streams, outbox depth and pool usage at GET /metrics. */
export const metricsRoutes = fastifyPlugin(plugin, { name: 'lagesbild-metrics' });
