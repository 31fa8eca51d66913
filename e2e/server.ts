import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { type Database, type DialectName, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadDemo } from '../src/server/demo/seed.ts';
import { SecretBox, secretKeyBytes } from '../src/server/secret-box.ts';
import { ensureFirstAdmin } from '../src/server/users/bootstrap.ts';
import { createMigratedTestDatabase } from '../test/support/databases.ts';

/** The address the accessibility statement gives for reporting problems. */
export const accessibilityContact = 'tillganglighet@region.example';

export const demoPassword = 'Demo-lösenord-för-e2e-2024';
export const adminEmail = 'admin@lagesbild.local';

export const demoPeople = {
  staff: 'elin.bergstrom@lagesbild.local',
  reporterSas: 'sara.holm@lagesbild.local',
  reporterNh: 'ali.haddad@lagesbild.local',
  communicator: 'petra.dahl@lagesbild.local',
  approver: 'anders.wik@lagesbild.local',
  reader: 'karin.sjoberg@lagesbild.local',
} as const;

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  eventId: number;
  /** The admin's one-time password: the admin must change it at first login. */
  adminOneTimePassword: string;
  close(): Promise<void>;
}

/**
 * The real server on a fresh database with the demo event, on a free port: a temporary SQLite
 * file, or a PostgreSQL database of its own when LAGESBILD_E2E_DIALECT is `postgres`.
 * With a `publicHost` (WebAuthn needs a host name, not an IP address) the port is chosen first,
 * so that PUBLIC_URL names the address the browser uses.
 */
export async function startServer(port = 0, publicHost?: string): Promise<RunningServer> {
  const testDatabase = await createMigratedTestDatabase(e2eDialect());
  const database = openDatabase(testDatabase.url);
  await migrateToLatest(database);
  const admin = await ensureFirstAdmin(database.db, { email: adminEmail });
  const demo = await loadDemo(database.db, { password: demoPassword, keepArchiveOpen: true });
  const listenPort = publicHost && port === 0 ? await freePort() : port;
  const app = await buildApp(
    {
      LOG_LEVEL: 'silent',
      PUBLIC_URL: publicHost ? `http://${publicHost}:${listenPort}` : 'http://127.0.0.1',
      SESSION_IDLE_MINUTES: 120,
      SESSION_ABSOLUTE_HOURS: 12,
      BODY_LIMIT_BYTES: 1_048_576,
      ACCESSIBILITY_CONTACT: accessibilityContact,
      secrets: new SecretBox(randomBytes(secretKeyBytes)),
    },
    database,
  );
  await app.listen({ port: listenPort, host: '127.0.0.1' });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    app,
    database,
    url: `http://${publicHost ?? '127.0.0.1'}:${actualPort}`,
    eventId: demo!.eventId,
    adminOneTimePassword: admin!.oneTimePassword ?? '',
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}

function e2eDialect(): DialectName {
  return process.env.LAGESBILD_E2E_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const free = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(free));
    });
  });
}
