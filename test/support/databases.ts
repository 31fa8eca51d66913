import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/server/db/database.ts';

export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The engines every integration test runs on. PostgreSQL is left out only when the test runner
 * found it unreachable outside CI (scripts/run-tests.ts fails the run in CI instead).
 */
export function testDialects(): DialectName[] {
  return process.env.LAGESBILD_TEST_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgres'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database: a temporary SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-test-'));
    return {
      url: `sqlite:${path.join(folder, 'test.db')}`,
      drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  }
  // A database per test, not a schema: Kysely's migrator reads the catalogue of every schema in
  // the database, which fails when another test drops its schema at the same moment.
  const name = `lagesbild_t_${randomBytes(6).toString('hex')}`;
  await runOnPostgres(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runOnPostgres(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
