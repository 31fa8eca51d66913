import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { metricsAccess } from '../../src/server/ops/metrics.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const appConfig = {
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://127.0.0.1:3000',
  SESSION_IDLE_MINUTES: 120,
  SESSION_ABSOLUTE_HOURS: 12,
  BODY_LIMIT_BYTES: 1_048_576,
} as const;

function metricValue(body: string, name: string, labels = ''): number | null {
  const line = body
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : null;
}

for (const dialect of testDialects()) {
  describe(`GET /metrics on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let baseUrl: string;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    it('answers only a system administrator, by session or by API token', async () => {
      assert.equal((await t.anonymous().get('/metrics')).statusCode, 401);
      const staff = await t.login(demoPeople.staff);
      assert.equal((await staff.get('/metrics')).statusCode, 403);
      const token = (await admin.post('/api/tokens', { name: 'prometheus' })).json().token;
      assert.equal(typeof token, 'string');
      const scraped = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(scraped.statusCode, 200);
      assert.match(String(scraped.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    });

    it('is public only when METRICS_PUBLIC is true (true, 1 or yes in any case)', () => {
      assert.deepEqual(metricsAccess({}), { kind: 'system_admin' });
      assert.deepEqual(metricsAccess({ METRICS_PUBLIC: '' }), { kind: 'system_admin' });
      for (const value of ['false', 'NO', '0'])
        assert.deepEqual(metricsAccess({ METRICS_PUBLIC: value }), { kind: 'system_admin' });
      for (const value of ['true', 'TRUE', 'yes', '1'])
        assert.deepEqual(metricsAccess({ METRICS_PUBLIC: value }), { kind: 'public' });
    });

    it('counts requests and latency per route pattern, not per URL', async () => {
      await admin.get(`/api/events/${t.eventId}/decisions`);
      await admin.get(`/api/events/${t.eventId}/decisions`);
      await admin.get('/no/such/page/at/all');
      const body = (await admin.get('/metrics')).body;
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

    it('shows the outbox depth, the database and (on PostgreSQL) the pool', async () => {
      const body = (await admin.get('/metrics')).body;
      assert.equal(metricValue(body, 'lagesbild_outbox_depth', 'state="pending"'), 0);
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
      const sse = async () =>
        metricValue((await admin.get('/metrics')).body, 'lagesbild_sse_subscribers');
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
