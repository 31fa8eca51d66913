import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { buildApp } from '../../src/server/app.ts';
import { Client, type TestApp, demoPeople, sessionCookieOf, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/** Records the tables each query names, in the order the queries run. */
class TableRecorder implements KyselyPlugin {
  queries: string[][] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.queries.push([...new Set(tableNames(args.node))].sort());
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** The queries before the first one that names `table`: what ran ahead of the handler. */
  before(table: string): string[][] {
    const handlerStart = this.queries.findIndex((tables) => tables.includes(table));
    assert.ok(handlerStart >= 0, `no query names ${table}: ${JSON.stringify(this.queries)}`);
    return this.queries.slice(0, handlerStart);
  }
}

function tableNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(tableNames);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own =
    record.kind === 'TableNode'
      ? [(record.table as { identifier: { name: string } }).identifier.name]
      : [];
  return [...own, ...Object.values(record).flatMap(tableNames)];
}

for (const dialect of testDialects()) {
  describe(`queries of the access guard on ${dialect}`, () => {
    let t: TestApp;
    let app: FastifyInstance;
    const recorder = new TableRecorder();

    before(async () => {
      t = await startTestApp(dialect);
      const database = { ...t.database, db: t.database.db.withPlugin(recorder) };
      app = await buildApp(
        {
          LOG_LEVEL: 'silent',
          PUBLIC_URL: 'http://127.0.0.1:3000',
          SESSION_IDLE_MINUTES: 120,
          SESSION_ABSOLUTE_HOURS: 12,
          BODY_LIMIT_BYTES: 1_048_576,
        },
        database,
      );
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    async function login(email: string): Promise<Client> {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'Demo-lösenord-för-test-2024' },
      });
      assert.equal(response.statusCode, 200, response.body);
      return new Client(app, sessionCookieOf(response), response.json().csrfToken);
    }

    it('resolves a session and its user in one query', async () => {
      const client = await login(demoPeople.staff);
      recorder.queries = [];
      assert.equal((await client.get('/api/tokens')).statusCode, 200);
      assert.deepEqual(recorder.before('api_tokens'), [['sessions', 'users']]);
    });

    it('checks the event and the grants of an event route in one more query', async () => {
      const client = await login(demoPeople.reader);
      recorder.queries = [];
      const response = await client.get(`/api/events/${t.eventId}/log`);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(recorder.before('log_entries'), [
        ['sessions', 'users'],
        ['events', 'grants'],
      ]);
    });

    it('still answers 404 for an event the user holds no grant in', async () => {
      const client = await login(demoPeople.reader);
      const missing = await client.get(`/api/events/${t.eventId + 1000}/log`);
      assert.equal(missing.statusCode, 404);
    });

    it('resolves an API token and its user in one query and records its use once a minute', async () => {
      const client = await login(demoPeople.staff);
      const created = await client.post('/api/tokens', { name: 'Mätning' });
      assert.equal(created.statusCode, 201, created.body);
      const headers = { authorization: `Bearer ${created.json().token}` };
      recorder.queries = [];
      assert.equal((await app.inject({ url: '/api/auth/me', headers })).statusCode, 200);
      const firstUse = recorder.queries.length;
      assert.deepEqual(recorder.queries[0], ['api_tokens', 'users']);
      recorder.queries = [];
      assert.equal((await app.inject({ url: '/api/auth/me', headers })).statusCode, 200);
      assert.equal(recorder.queries.length, firstUse - 1, 'the second use writes no timestamp');
      assert.equal(recorder.queries.filter((tables) => tables.includes('api_tokens')).length, 1);
    });
  });
}
