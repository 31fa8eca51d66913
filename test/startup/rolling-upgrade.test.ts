import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest, newerSchemaExitCode } from '../../src/server/db/migrate.ts';
import { loadMigrations } from '../../src/server/db/migration-files.ts';
import {
  currentRelease,
  readSchemaRelease,
  recordSchemaRelease,
} from '../../src/server/db/schema-release.ts';
import type { AnyDb } from '../../src/server/db/migration-helpers.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';
import { testSecretKey } from '../support/secret-key.ts';

const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const newerMigration = '29991231T2359_newer_release_table';

function env(url: string): NodeJS.ProcessEnv {
  const variables: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    PORT: '0',
    LAGESBILD_DEMO: 'false',
    SECRET_KEY: testSecretKey,
  };
  delete variables.ADMIN_PASSWORD;
  return variables;
}

/**
 * Migrates the database as a newer release would: every migration this code knows, one it does
 * not, and the newer release's record declaring the oldest release that runs against its schema.
 */
async function migrateAsNewerRelease(url: string, oldestCompatible: string): Promise<void> {
  const database = openDatabase(url);
  try {
    const migrations = {
      ...(await loadMigrations()),
      [newerMigration]: {
        up: async (db: AnyDb) => {
          await db.schema
            .createTable('newer_release_things')
            .addColumn('id', 'integer', (column) => column.primaryKey())
            .execute();
        },
      },
    };
    const { error } = await new Migrator({
      db: database.db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
    }).migrateToLatest();
    if (error) throw error;
    await recordSchemaRelease(database, { release: '99.0.0', oldestCompatible });
  } finally {
    await database.close();
  }
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Starts `serve`; resolves with its output once it listens, and stops it. */
function serveOnce(url: string): Promise<{ output: string; ready: number }> {
  const child = spawn(process.execPath, [...cli, 'serve'], { env: env(url) });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const ready = (await fetch(`${match[1]}/readyz`)).status;
      child.removeAllListeners('exit');
      child.on('exit', () => resolve({ output, ready }));
      child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  });
}

for (const dialect of testDialects()) {
  describe(`an older node meeting a newer schema (${dialect})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect);
    });
    after(() => database.drop());

    it('records the release that migrated the database', async () => {
      const opened = openDatabase(database.url);
      try {
        await migrateToLatest(opened);
        assert.deepEqual(await readSchemaRelease(opened), currentRelease);
      } finally {
        await opened.close();
      }
    });

    it('stops with one line and exit code 65 when the newer release does not declare it compatible', async () => {
      await migrateAsNewerRelease(database.url, '99.0.0');
      const serve = spawnSync(process.execPath, [...cli, 'serve'], {
        env: env(database.url),
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(serve.status, newerSchemaExitCode, serve.stdout + serve.stderr);
      const lines = jsonLines(serve.stdout + serve.stderr);
      assert.equal(lines.length, 1, serve.stdout + serve.stderr);
      assert.equal(lines[0]!.level, 60);
      assert.equal(
        lines[0]!.msg,
        `The database has a newer schema: release 99.0.0 applied migrations this node (release ${currentRelease.release}) does not know (${newerMigration}); this node cannot run against it (it needs 99.0.0 or later). Install 99.0.0 on this node; the database is unchanged`,
      );

      const migrate = spawnSync(process.execPath, [...cli, 'migrate'], {
        env: env(database.url),
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(migrate.status, newerSchemaExitCode);
      assert.equal(migrate.stdout, '');
      assert.match(migrate.stderr, /^The database has a newer schema: release 99\.0\.0 [^\n]*\n$/);

      const opened = openDatabase(database.url);
      try {
        assert.equal((await readSchemaRelease(opened))?.release, '99.0.0', 'left as it was');
      } finally {
        await opened.close();
      }
    });

    it('keeps serving, with one warning, when the newer release declares it compatible', async () => {
      await migrateAsNewerRelease(database.url, currentRelease.release);
      const { output, ready } = await serveOnce(database.url);
      assert.equal(ready, 200);
      const warnings = jsonLines(output).filter((line) => line.level === 40);
      assert.deepEqual(
        warnings.map((line) => line.msg).filter((msg) => /newer than this node/.test(String(msg))),
        [
          `The database schema is release 99.0.0's, newer than this node's ${currentRelease.release}; that release declares ${currentRelease.release} and later compatible, so this node keeps serving: upgrade it soon`,
        ],
      );
      const opened = openDatabase(database.url);
      try {
        assert.equal((await readSchemaRelease(opened))?.release, '99.0.0', 'not overwritten');
      } finally {
        await opened.close();
      }
    });
  });
}
