// WORKERS: several processes of one `lagesbild serve` on one port (src/server/cluster.ts).
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import {
  ProcessSession,
  type ServerProcess,
  processAdmin,
  startServerProcess,
} from '../support/server-process.ts';

const onPostgres = testDialects().includes('postgres');

/** A GET on a connection of its own, so that the primary may hand it to any worker. */
function getOnNewConnection(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { ...headers, connection: 'close' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      })
      .on('error', reject);
  });
}

/** The processes that logged a request to `path` in the output after `from`. */
function answeringPids(output: string, path: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { pid: number; msg: string; req?: { url?: string } };
    if (entry.msg === 'incoming request' && entry.req?.url === path) pids.add(entry.pid);
  }
  return pids;
}

describe('the WORKERS setting', () => {
  it('is refused on SQLite, and auto means one worker per CPU', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'sqlite::memory:', WORKERS: '2' }),
      (error: unknown) =>
        error instanceof ConfigError && /WORKERS must be 1 on SQLite/.test(error.message),
    );
    assert.equal(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).WORKERS, 1);
    const auto = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/test', WORKERS: 'auto' });
    assert.ok(auto.WORKERS >= 1);
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/test', WORKERS: '0' }));
  });
});

describe('two workers on one port', { skip: !onPostgres && 'PostgreSQL not available' }, () => {
  let database: TestDatabase;
  let server: ServerProcess;

  before(async () => {
    database = await createTestDatabase('postgres');
    server = await startServerProcess({
      DATABASE_URL: database.url,
      WORKERS: '2',
      LOG_LEVEL: 'info',
    });
  });
  after(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('answers from both workers', async () => {
    for (let request = 0; request < 20; request += 1) {
      assert.equal(await getOnNewConnection(`${server.url}/healthz`), 200);
    }
    const pids = answeringPids(server.output(), '/healthz');
    assert.equal(pids.size, 2, `answered by ${[...pids].join(', ')}`);
    assert.equal(pids.has(server.child.pid!), false);
  });

  it('honours a sign-out on one worker in the other at its next request', async () => {
    const session = await ProcessSession.signIn(
      server.url,
      processAdmin.email,
      processAdmin.password,
    );
    const me = `${server.url}/api/auth/me`;
    assert.equal(await getOnNewConnection(me, session.headers()), 200);
    const before = server.output().length;
    const loggedOut = await session.post('/api/auth/logout', {});
    assert.ok(loggedOut.status === 200 || loggedOut.status === 204, String(loggedOut.status));
    const statuses: number[] = [];
    for (let request = 0; request < 20; request += 1) {
      statuses.push(await getOnNewConnection(me, session.headers()));
    }
    assert.deepEqual(new Set(statuses), new Set([401]));
    assert.equal(answeringPids(server.output().slice(before), '/api/auth/me').size, 2);
  });

  it('stops both workers and the primary on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    server.child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
