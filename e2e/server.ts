import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadDemo } from '../src/server/demo/seed.ts';
import { ensureFirstAdmin } from '../src/server/users/bootstrap.ts';

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

/** The real server on a fresh temporary SQLite database with the demo event, on a free port. */
export async function startServer(port = 0): Promise<RunningServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-e2e-'));
  const database = openDatabase(`sqlite:${path.join(folder, 'e2e.db')}`);
  await migrateToLatest(database);
  const admin = await ensureFirstAdmin(database.db, { email: adminEmail });
  const demo = await loadDemo(database.db, { password: demoPassword, keepArchiveOpen: true });
  const app = await buildApp(
    {
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1',
      SESSION_IDLE_MINUTES: 120,
      SESSION_ABSOLUTE_HOURS: 12,
      BODY_LIMIT_BYTES: 1_048_576,
    },
    database,
  );
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    app,
    database,
    url: `http://127.0.0.1:${actualPort}`,
    eventId: demo!.eventId,
    adminOneTimePassword: admin!.oneTimePassword ?? '',
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
