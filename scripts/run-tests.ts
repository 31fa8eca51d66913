import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DialectName } from '../src/server/db/database.ts';
import {
  dropOldTemplates,
  ensureMigratedTemplate,
  postgresAdminUrl,
} from '../test/support/databases.ts';

// Runs every *.test.ts under src/, test/ and e2e/ with node's test runner, on SQLite and
// PostgreSQL (the browser tests on SQLite, and the ones named below again on PostgreSQL).
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
/** Set by scripts/test-clock.ts for the runs that need no second engine. */
const sqliteAsked = process.env.LAGESBILD_TEST_SQLITE_ONLY === '1';
const problem = sqliteAsked ? null : await postgresReachable();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LAGESBILD_TEST_RUN_STARTED: String(Date.now()),
  // Passwords hashed at a lower scrypt cost: a login is not what most tests are about
  // (src/server/auth/password.ts; test/foundation/password-cost.test.ts checks the cost itself).
  LAGESBILD_TEST_PASSWORD_COST: process.env.LAGESBILD_TEST_PASSWORD_COST ?? '10',
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
} else if (sqliteAsked) {
  console.log(`Testing on SQLite only, as asked; ${files.length} test files.`);
  env.LAGESBILD_TEST_SKIP_POSTGRES = '1';
} else {
  console.log(
    `Testing on SQLite and PostgreSQL (${postgresAdminUrl}); ${files.length} test files.`,
  );
}

/**
 * Browser tests that run a second time with the server on PostgreSQL in a whole run: the screens
 * whose issue asked for the browser on both databases (the staff's week of docs/user-guide.md,
 * files, tokens, the event's own settings, readiness, search, returns, the start page).
 */
const browserTestsOnPostgres = [
  'e2e/user-guide.test.ts',
  'e2e/files.test.ts',
  'e2e/api-tokens.test.ts',
  'e2e/event-edit.test.ts',
  'e2e/readiness.test.ts',
  'e2e/search.test.ts',
  'e2e/situation-review.test.ts',
  'e2e/next-steps.test.ts',
];

// Every test file copies the migrated template instead of migrating from zero: made once here.
const templateDialects: DialectName[] =
  problem || sqliteAsked ? ['sqlite'] : ['sqlite', 'postgres'];
for (const dialect of templateDialects) await ensureMigratedTemplate(dialect);
await dropOldTemplates(templateDialects);

function runTests(testFiles: string[], runEnv: NodeJS.ProcessEnv): number {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...testFiles],
    { stdio: 'inherit', env: runEnv },
  );
  return result.status ?? 1;
}

const status = runTests(files, env);
if (filter.length > 0 || problem || sqliteAsked) process.exit(status);
console.log(
  `Browser tests again with the server on PostgreSQL: ${browserTestsOnPostgres.length} files.`,
);
const postgresStatus = runTests(browserTestsOnPostgres, {
  ...env,
  LAGESBILD_E2E_DIALECT: 'postgres',
});
process.exit(status || postgresStatus);
