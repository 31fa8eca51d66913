import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresAdminUrl } from '../test/support/databases.ts';

// Runs every *.test.ts under src/ and test/ with node's test runner, on SQLite and PostgreSQL.
// In CI (CI=true) an unreachable PostgreSQL fails the run; elsewhere it is skipped with a warning.

const roots = ['src', 'test', 'e2e'];
const filter = process.argv.slice(2);

function findTestFiles(): string[] {
  return roots
    .flatMap((root) =>
      fs
        .readdirSync(root, { recursive: true, encoding: 'utf8' })
        .map((file) => path.join(root, file)),
    )
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
    .sort();
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error
      ? error.message || String((error as { code?: string }).code)
      : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const files = findTestFiles();
const problem = await postgresReachable();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LAGESBILD_TEST_RUN_STARTED: String(Date.now()),
};
if (problem) {
  if (process.env.CI === 'true') {
    console.error(
      `PostgreSQL at ${postgresAdminUrl} is not reachable (${problem}); CI requires it.`,
    );
    process.exit(1);
  }
  console.warn(
    `WARNING: PostgreSQL at ${postgresAdminUrl} is not reachable (${problem}); testing on SQLite only.`,
  );
  env.LAGESBILD_TEST_SKIP_POSTGRES = '1';
} else {
  console.log(
    `Testing on SQLite and PostgreSQL (${postgresAdminUrl}); ${files.length} test files.`,
  );
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
