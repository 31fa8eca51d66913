import assert from 'node:assert/strict';
import { after, before } from 'node:test';
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
import type { DialectName } from '../../src/server/db/database.ts';
import { Client, type TestApp, sessionCookieOf, startTestApp, testAppConfig } from './app.ts';

/** Records the tables each query names, in the order the queries run. */
export class TableRecorder implements KyselyPlugin {
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

export interface RecordedApp {
  recorder: TableRecorder;
  /** The test app (demo event, people) whose database the recorded app uses. */
  readonly t: TestApp;
  /** A second app on that database whose every query passes the recorder. */
  readonly app: FastifyInstance;
}

/** Within a describe block: starts the apps before its tests and closes them after. */
export function useRecordedApp(dialect: DialectName): RecordedApp {
  const recorder = new TableRecorder();
  let t: TestApp | undefined;
  let app: FastifyInstance | undefined;
  before(async () => {
    t = await startTestApp(dialect);
    app = await buildApp(testAppConfig, { ...t.database, db: t.database.db.withPlugin(recorder) });
  });
  after(async () => {
    await app?.close();
    await t?.close();
  });
  return {
    recorder,
    get t() {
      return t!;
    },
    get app() {
      return app!;
    },
  };
}

export async function loginTo(
  app: FastifyInstance,
  email: string,
  password = 'Demo-lösenord-för-test-2024',
): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  assert.equal(response.statusCode, 200, response.body);
  return new Client(app, sessionCookieOf(response), response.json().csrfToken);
}
