import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadDemo } from '../../src/server/demo/seed.ts';
import { verifyCopy } from '../../src/server/ops/copy.ts';
import { verifySnapshots } from '../../src/server/reports/verify.ts';
import { demoPassword } from '../support/app.ts';
import {
  type TestDatabase,
  createTestDatabase,
  postgresAdminUrl,
  testDialects,
} from '../support/databases.ts';

const hasPgTools = ['pg_dump', 'pg_restore'].every(
  (tool) => spawnSync(tool, ['--version']).status === 0,
);
// In CI the tools are installed by .ci/run, so a missing one is a failure, not a reason to skip.
const skip = !testDialects().includes('postgres')
  ? 'PostgreSQL is not reachable'
  : !hasPgTools && process.env.CI !== 'true'
    ? 'pg_dump or pg_restore is not installed'
    : false;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The documented PostgreSQL backup: pg_dump in custom format, pg_restore into a new database. */
describe('PostgreSQL backup with pg_dump and restore with pg_restore', { skip }, () => {
  let source: TestDatabase;
  const restoredName = `lagesbild_restore_${randomBytes(4).toString('hex')}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-pgdump-'));

  before(async () => {
    source = await createTestDatabase('postgres');
    const database = openDatabase(source.url);
    await migrateToLatest(database);
    await loadDemo(database.db, { password: demoPassword });
    await database.close();
  });
  after(async () => {
    await admin(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    await source.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('round-trips every row and every snapshot hash', async () => {
    assert.ok(hasPgTools, 'pg_dump and pg_restore must be installed (postgresql-client)');
    const dump = path.join(folder, 'lagesbild.dump');
    const dumped = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', `--file=${dump}`, source.url],
      { encoding: 'utf8' },
    );
    assert.equal(dumped.status, 0, dumped.stderr);

    await admin(`CREATE DATABASE ${restoredName}`);
    const restoredServer = new URL(postgresAdminUrl);
    restoredServer.pathname = `/${restoredName}`;
    const restored = spawnSync(
      'pg_restore',
      ['--no-owner', `--dbname=${restoredServer.toString()}`, dump],
      { encoding: 'utf8' },
    );
    assert.equal(restored.status, 0, restored.stderr);

    const original = openDatabase(source.url);
    const copy = openDatabase(restoredServer.toString());
    try {
      const result = await verifyCopy(original, copy);
      assert.ok(result.ok, JSON.stringify(result, null, 1));
      assert.ok(result.snapshots.checked > 0);
      assert.deepEqual((await verifySnapshots(copy.db)).mismatches, []);
      // The append-only triggers came along: published snapshots still cannot be changed.
      await assert.rejects(
        copy.db.updateTable('report_snapshots').set({ content_hash: 'x' }).execute(),
        /cannot be changed/,
      );
      assert.deepEqual(await migrateToLatest(copy), []);
    } finally {
      await original.close();
      await copy.close();
    }
  });
});
