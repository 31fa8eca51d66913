import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppConfig, buildApp } from '../../src/server/app.ts';
import { type Database, type DialectName, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import {
  loadDemoArchive,
  loadDemoLiveEvent,
  loadedDemoArchive,
} from '../../src/server/demo/seed.ts';
import { productionCostLog2 } from '../../src/server/auth/password.ts';
import { SecretBox } from '../../src/server/secret-box.ts';
import { ensureFirstAdmin } from '../../src/server/users/bootstrap.ts';
import { createFilledTestDatabase } from './databases.ts';
import { testSecretKey } from './secret-key.ts';

export const demoPassword = 'Demo-lösenord-för-test-2024';
export const adminEmail = 'admin@lagesbild.local';
export const adminPassword = 'Stabschefens-lösen-2024';

export const demoPeople = {
  staff: 'elin.bergstrom@lagesbild.local',
  reporterSas: 'sara.holm@lagesbild.local',
  reporterNh: 'ali.haddad@lagesbild.local',
  communicator: 'petra.dahl@lagesbild.local',
  approver: 'anders.wik@lagesbild.local',
  reader: 'karin.sjoberg@lagesbild.local',
} as const;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  databaseUrl: string;
  /** The archive "Millennium 2024", left open so that tests can write into its fixed history. */
  eventId: number;
  /** The live demo event, laid around the moment the test app started. */
  liveEventId: number;
  login(email: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** A signed-in browser-like client: sends its session cookie and CSRF token on every request. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie: string | null,
    public csrfToken: string | null,
  ) {}

  request(method: string, url: string, body?: unknown, options: RequestOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    return this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.query && { query: options.query }),
      ...(body !== undefined && { payload: body as object }),
    });
  }

  get = (url: string, options?: RequestOptions) => this.request('GET', url, undefined, options);
  post = (url: string, body?: unknown, options?: RequestOptions) =>
    this.request('POST', url, body ?? {}, options);
  patch = (url: string, body?: unknown, options?: RequestOptions) =>
    this.request('PATCH', url, body ?? {}, options);
  delete = (url: string, options?: RequestOptions) =>
    this.request('DELETE', url, undefined, options);
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'lagesbild_session');
  assert.ok(
    cookie,
    `expected a session cookie, got status ${response.statusCode}: ${response.body}`,
  );
  return `${cookie.name}=${cookie.value}`;
}

/** The settings every test app starts with. */
export const testAppConfig: AppConfig = {
  secrets: new SecretBox(Buffer.from(testSecretKey, 'base64')),
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://localhost:3000',
  SESSION_IDLE_MINUTES: 120,
  SESSION_ABSOLUTE_HOURS: 12,
  BODY_LIMIT_BYTES: 1_048_576,
};

/**
 * The first admin (password already changed) and the demo's archive, which do not depend on the
 * day: made once per run in a template (keyed also by the scrypt cost its password hashes use).
 */
async function fillAdminAndArchive(database: Database): Promise<void> {
  await ensureFirstAdmin(database.db, { email: adminEmail, password: adminPassword });
  await loadDemoArchive(database.db, { password: demoPassword, keepArchiveOpen: true });
}

const adminAndArchive = `demo_n${process.env.LAGESBILD_TEST_PASSWORD_COST ?? productionCostLog2}`;

/**
 * An app on a fresh database with the demo events and the first admin: a copy of the admin and
 * archive template, with the live event laid around the clock as the app starts.
 */
export async function startTestApp(
  dialect: DialectName,
  config: Partial<AppConfig> = {},
): Promise<TestApp> {
  const testDatabase = await createFilledTestDatabase(
    dialect,
    adminAndArchive,
    fillAdminAndArchive,
  );
  const database = openDatabase(testDatabase.url);
  await migrateToLatest(database);
  const archive = await loadedDemoArchive(database.db, demoPassword);
  const demo = await loadDemoLiveEvent(database.db, archive, new Date());
  const app = await buildApp({ ...testAppConfig, ...config }, database);
  const login = async (email: string, password?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email,
        password: password ?? (email === adminEmail ? adminPassword : demoPassword),
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    return new Client(app, sessionCookieOf(response), response.json().csrfToken);
  };
  return {
    app,
    database,
    databaseUrl: testDatabase.url,
    eventId: demo.eventId,
    liveEventId: demo.liveEventId,
    login,
    anonymous: () => new Client(app, null, null),
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
