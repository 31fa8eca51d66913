import assert from 'node:assert/strict';
import http from 'node:http';
import pg from 'pg';
import type { Database } from '../../src/server/db/database.ts';
import { type Client, type TestApp, demoPeople } from '../support/app.ts';
import { postgresAdminUrl } from '../support/databases.ts';

/** The value of one sample in a Prometheus text exposition; null when the series is absent. */
export function metricValue(body: string, name: string, labels = ''): number | null {
  const line = body
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : null;
}

/**
 * Takes the PostgreSQL test database out of the app's reach without touching the shared server:
 * it refuses new connections and the open ones are ended. Returns the way back.
 */
export async function blockDatabase(url: string): Promise<() => Promise<void>> {
  const name = new URL(url).pathname.slice(1);
  assert.match(name, /^lagesbild_t_[0-9a-f]+$/);
  await onServer(async (client) => {
    await client.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
  });
  return () =>
    onServer(async (client) => {
      await client.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    });
}

async function onServer(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Checks out every connection of the app's pool; returns the function that gives them back. */
export async function fillPool(database: Database): Promise<() => void> {
  const pool = database.pool!;
  const clients = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
  return () => clients.forEach((client) => client.release());
}

type Buckets = Map<number, number>;

/** The cumulative request-duration buckets of one route, summed over method and status. */
function routeBuckets(body: string, route: string): Buckets {
  const buckets: Buckets = new Map();
  const pattern = /^lagesbild_http_request_duration_seconds_bucket\{(.*)\} (\S+)$/;
  for (const line of body.split('\n')) {
    const match = pattern.exec(line);
    if (!match || !match[1]!.includes(`route="${route}"`)) continue;
    const le = /le="([^"]+)"/.exec(match[1]!)![1]!;
    const bound = le === '+Inf' ? Infinity : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(match[2]));
  }
  return buckets;
}

/**
 * PromQL's histogram_quantile over the requests between two scrapes (what `rate(…[5m])` feeds it):
 * linear interpolation inside the bucket that holds the rank. Null when no request came.
 */
export function histogramQuantile(
  quantile: number,
  earlier: string,
  later: string,
  route: string,
): number | null {
  const before = routeBuckets(earlier, route);
  const after = routeBuckets(later, route);
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => after.get(bound)! - (before.get(bound) ?? 0));
  const total = counts.at(-1) ?? 0;
  if (total === 0) return null;
  const rank = quantile * total;
  const index = counts.findIndex((count) => count >= rank);
  if (bounds[index] === Infinity) return bounds[index - 1]!;
  const lower = index === 0 ? 0 : bounds[index - 1]!;
  const below = index === 0 ? 0 : counts[index - 1]!;
  return lower + ((bounds[index]! - lower) * (rank - below)) / (counts[index]! - below);
}

/** A login whose body arrives in two halves `pauseMs` apart, as from a slow client. */
export function slowLogin(
  baseUrl: string,
  email: string,
  password: string,
  pauseMs: number,
): Promise<number> {
  const body = Buffer.from(JSON.stringify({ email, password }));
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    });
    request.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
    request.write(body.subarray(0, 10));
    setTimeout(() => request.end(body.subarray(10)), pauseMs);
  });
}

/** Publishes a new report of the test event to a distribution list of one recipient. */
export async function publishToOneRecipient(t: TestApp, admin: Client): Promise<void> {
  const lists = `/api/events/${t.eventId}/distribution-lists`;
  const list = await admin.post(lists, {
    name: 'Ledning',
    audience: 'public',
    recipients: [{ email: 'politiker@example.se', name: 'Politiker' }],
  });
  assert.equal(list.statusCode, 201, list.body);
  const staff = await t.login(demoPeople.staff);
  const approver = await t.login(demoPeople.approver);
  const url = `/api/events/${t.eventId}/reports`;
  const draft = (await staff.post(url, { kind: 'extra' })).json();
  const submitted = (
    await staff.post(`${url}/${draft.id}/submit`, { version: draft.version })
  ).json();
  const approved = (
    await approver.post(`${url}/${draft.id}/approve`, { version: submitted.version })
  ).json();
  const published = await approver.post(`${url}/${draft.id}/publish`, {
    version: approved.version,
  });
  assert.equal(published.statusCode, 200, published.body);
}
