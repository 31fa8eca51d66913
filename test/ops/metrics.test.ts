import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { deliverDue } from '../../src/server/distribution/outbox.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { metricsAccess } from '../../src/server/ops/metrics.ts';
import { buildWeb } from '../../src/web/build.ts';
import {
  type Client,
  type TestApp,
  adminEmail,
  adminPassword,
  demoPeople,
  startTestApp,
  testAppConfig,
} from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  blockDatabase,
  fillPool,
  histogramQuantile,
  metricValue,
  publishToOneRecipient,
  slowLogin,
} from './metrics-support.ts';

const appConfig = { ...testAppConfig, PUBLIC_URL: 'http://127.0.0.1:3000' } as const;

const scrapeToken = randomBytes(32).toString('hex');
const scrapeConfig = {
  METRICS_TOKEN_SHA256: createHash('sha256').update(scrapeToken).digest('hex'),
};

function scrape(app: FastifyInstance, token = scrapeToken) {
  return app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
}

for (const dialect of testDialects()) {
  describe(`GET /metrics on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let baseUrl: string;

    before(async () => {
      // The published pages counted below are sent in the built web app's shell.
      await buildWeb({ quiet: true });
      t = await startTestApp(dialect, scrapeConfig);
      admin = await t.login(adminEmail);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    it('answers the scrape token only: no session or API token, administrators included', async () => {
      assert.equal((await t.anonymous().get('/metrics')).statusCode, 401);
      assert.equal((await admin.get('/metrics')).statusCode, 401);
      const apiToken = (await admin.post('/api/tokens', { name: 'prometheus' })).json().token;
      assert.equal(typeof apiToken, 'string');
      assert.equal((await scrape(t.app, apiToken)).statusCode, 401);
      assert.equal((await scrape(t.app, randomBytes(32).toString('hex'))).statusCode, 401);
      const scraped = await scrape(t.app);
      assert.equal(scraped.statusCode, 200);
      assert.match(String(scraped.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    });

    it('is open to anyone with METRICS_PUBLIC, and closed to everyone with neither setting', async () => {
      assert.deepEqual(metricsAccess({ METRICS_PUBLIC: false }), {
        kind: 'scraper',
        tokenSha256: null,
        open: false,
      });
      const open = await buildApp({ ...testAppConfig, METRICS_PUBLIC: true }, t.database);
      const closed = await buildApp(testAppConfig, t.database);
      try {
        const anonymous = await open.inject({ method: 'GET', url: '/metrics' });
        assert.equal(anonymous.statusCode, 200);
        assert.equal(metricValue(anonymous.body, 'lagesbild_database_up'), 1);
        assert.equal((await scrape(closed)).statusCode, 401);
      } finally {
        await open.close();
        await closed.close();
      }
    });

    it('counts requests and latency per route pattern, not per URL', async () => {
      await admin.get(`/api/events/${t.eventId}/decisions`);
      await admin.get(`/api/events/${t.eventId}/decisions`);
      await admin.get('/no/such/page/at/all');
      const body = (await scrape(t.app)).body;
      const labels = `method="GET",route="/api/events/:eventId/decisions",status_code="200"`;
      assert.ok((metricValue(body, 'lagesbild_http_requests_total', labels) ?? 0) >= 2, body);
      assert.ok(
        (metricValue(body, 'lagesbild_http_request_duration_seconds_count', labels) ?? 0) >= 2,
      );
      assert.match(body, /lagesbild_http_request_duration_seconds_bucket\{le="0.005",method="GET"/);
      assert.doesNotMatch(body, new RegExp(`route="/api/events/${t.eventId}/`));
      assert.doesNotMatch(body, /no\/such\/page/);
      assert.match(body, /route="\/\*",status_code="200"/);
    });

    it('counts the published pages sent from memory under their route, 200s and 304s', async () => {
      const labels = (status: number) =>
        `method="GET",route="/r/:eventId/:number",status_code="${status}"`;
      const counted = async (status: number) =>
        metricValue((await scrape(t.app)).body, 'lagesbild_http_requests_total', labels(status)) ??
        0;
      const address = `${baseUrl}/r/${t.eventId}/1?version=1`;
      const [ok, notModified] = [await counted(200), await counted(304)];
      const first = await fetch(address);
      await fetch(address);
      await fetch(address);
      await fetch(address, { headers: { 'if-none-match': first.headers.get('etag')! } });
      assert.equal(await counted(200), ok + 3);
      assert.equal(await counted(304), notModified + 1);
    });

    it('shows the outbox depth, the database and (on PostgreSQL) the pool', async () => {
      const body = (await scrape(t.app)).body;
      assert.equal(metricValue(body, 'lagesbild_outbox_depth', 'state="pending"'), 0);
      assert.equal(metricValue(body, 'lagesbild_outbox_oldest_seconds'), 0);
      assert.equal(metricValue(body, 'lagesbild_database_up'), 1);
      if (dialect === 'postgres') {
        assert.ok((metricValue(body, 'lagesbild_db_pool_connections', 'state="total"') ?? 0) >= 1);
        assert.ok(metricValue(body, 'lagesbild_db_pool_connections', 'state="in_use"') !== null);
        assert.ok((metricValue(body, 'lagesbild_db_pool_max') ?? 0) >= 10);
      } else {
        assert.doesNotMatch(body, /lagesbild_db_pool_connections/);
      }
    });

    it('counts the open live-update streams', async () => {
      const sse = async () => metricValue((await scrape(t.app)).body, 'lagesbild_sse_subscribers');
      assert.equal(await sse(), 0);
      const reader = await t.login(demoPeople.reader);
      const request = http.get(`${baseUrl}/api/events/${t.eventId}/stream`, {
        headers: { cookie: reader.cookie!, accept: 'text/event-stream' },
      });
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        request.once('response', resolve);
        request.once('error', reject);
      });
      assert.equal(response.statusCode, 200);
      response.resume();
      assert.equal(await sse(), 1);
      request.destroy();
      for (let attempt = 0; attempt < 50 && (await sse()) !== 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(await sse(), 0);
    });

    it('alert DatabaseDown: database_up is 0 on the scrape while the database is out of reach, 1 on the next', async () => {
      if (dialect === 'sqlite') {
        // One process owns the file; the way to lose it is a handle that no longer works.
        const database = openDatabase(t.databaseUrl);
        const app = await buildApp({ ...testAppConfig, ...scrapeConfig }, database);
        try {
          database.sqlite!.close();
          const down = await scrape(app);
          assert.equal(down.statusCode, 200);
          assert.equal(metricValue(down.body, 'lagesbild_database_up'), 0);
          assert.equal(metricValue(down.body, 'lagesbild_outbox_depth', 'state="pending"'), null);
        } finally {
          await app.close();
        }
        return;
      }
      assert.equal(metricValue((await scrape(t.app)).body, 'lagesbild_database_up'), 1);
      const restore = await blockDatabase(t.databaseUrl);
      try {
        const started = performance.now();
        const down = await scrape(t.app);
        const seconds = (performance.now() - started) / 1000;
        assert.equal(down.statusCode, 200, down.body);
        assert.equal(metricValue(down.body, 'lagesbild_database_up'), 0);
        assert.equal(metricValue(down.body, 'lagesbild_outbox_depth', 'state="pending"'), null);
        assert.ok(seconds < 2.5, `the scrape took ${seconds} s`);
        assert.equal((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 503);
      } finally {
        await restore();
      }
      assert.equal(metricValue((await scrape(t.app)).body, 'lagesbild_database_up'), 1);
    });

    it('alert PoolExhausted: waiting stays 0 on idle scrapes and rises once every connection is taken', async () => {
      if (dialect === 'sqlite') {
        assert.equal(metricValue((await scrape(t.app)).body, 'lagesbild_db_pool_max'), null);
        return;
      }
      // A node just started (or idle long enough for its connections to close): an empty pool.
      const database = openDatabase(t.databaseUrl, { poolMax: 3 });
      const app = await buildApp({ ...testAppConfig, ...scrapeConfig }, database);
      try {
        for (let scrapes = 0; scrapes < 5; scrapes++) {
          const body = (await scrape(app)).body;
          assert.equal(metricValue(body, 'lagesbild_database_up'), 1);
          assert.equal(metricValue(body, 'lagesbild_db_pool_connections', 'state="waiting"'), 0);
          assert.equal(metricValue(body, 'lagesbild_db_pool_connections', 'state="total"'), 0);
        }
        const release = await fillPool(database);
        const waiting = database.db.selectFrom('events').select('id').execute();
        const full = (await scrape(app)).body;
        assert.equal(metricValue(full, 'lagesbild_db_pool_connections', 'state="waiting"'), 1);
        assert.equal(
          metricValue(full, 'lagesbild_db_pool_connections', 'state="in_use"'),
          metricValue(full, 'lagesbild_db_pool_max'),
        );
        assert.equal(metricValue(full, 'lagesbild_database_up'), 1);
        release();
        await waiting;
        const body = (await scrape(app)).body;
        assert.equal(metricValue(body, 'lagesbild_db_pool_connections', 'state="waiting"'), 0);
      } finally {
        await app.close();
        await database.close();
      }
    });

    it('alert OutboxStuck: the oldest unsent e-mail ages past 15 minutes while the relay refuses', async () => {
      const before = (await scrape(t.app)).body;
      assert.equal(metricValue(before, 'lagesbild_outbox_oldest_seconds'), 0);
      await publishToOneRecipient(t, admin);
      // The delivery was queued 20 minutes ago (as if the relay had been down since then).
      const queuedAt = new Date(Date.now() - 20 * 60_000).toISOString();
      await t.database.db.updateTable('deliveries').set({ created_at: queuedAt }).execute();
      const unreachable = createMailer('smtp://127.0.0.1:1');
      try {
        const attempt = await deliverDue(t.database, unreachable, {
          publicUrl: 'http://lagesbild.test',
        });
        assert.deepEqual(attempt, { claimed: 1, sent: 0 });
      } finally {
        unreachable.close();
      }
      const body = (await scrape(t.app)).body;
      assert.equal(metricValue(body, 'lagesbild_outbox_depth', 'state="pending"'), 1);
      const waited = metricValue(body, 'lagesbild_outbox_oldest_seconds') ?? 0;
      assert.ok(waited > 900 && waited < 1300, `waited ${waited} s`);
    });

    it('alert SlowRoute: a slow request puts the p95 of its route above 1 s', async () => {
      const route = '/api/auth/login';
      const beforeBody = (await scrape(t.app)).body;
      for (let fast = 0; fast < 3; fast++) await t.login(adminEmail);
      const fastBody = (await scrape(t.app)).body;
      const fastP95 = histogramQuantile(0.95, beforeBody, fastBody, route);
      assert.ok(fastP95 !== null && fastP95 < 1, `p95 of fast logins: ${fastP95}`);
      // A client that sends its body slowly: the server's clock runs from the request's first byte.
      assert.equal(await slowLogin(baseUrl, adminEmail, adminPassword, 1200), 200);
      const slowBody = (await scrape(t.app)).body;
      const slowP95 = histogramQuantile(0.95, fastBody, slowBody, route);
      assert.ok(slowP95 !== null && slowP95 > 1, `p95 with a slow login: ${slowP95}`);
    });
  });
}

describe('readiness while the database is unreachable', () => {
  it('answers /readyz with 503 and /healthz with 200', async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    const database = openDatabase('postgres://postgres@127.0.0.1:1/test');
    const app = await buildApp(appConfig, database);
    try {
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().status, 'not_ready');
      assert.doesNotMatch(ready.body, /ECONNREFUSED|at .*\.js/);
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
