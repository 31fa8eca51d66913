import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadDemo } from '../../src/server/demo/seed.ts';
import { copyInstallation } from '../../src/server/ops/copy.ts';
import { verifySnapshots } from '../../src/server/reports/verify.ts';
import { ensureFirstAdmin } from '../../src/server/users/bootstrap.ts';
import { adminEmail, adminPassword, demoPassword } from '../support/app.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';

const withPostgres = testDialects().includes('postgres');

describe('copying a whole installation from SQLite to PostgreSQL', { skip: !withPostgres }, () => {
  let sqliteFile: TestDatabase;
  const targets: TestDatabase[] = [];

  before(async () => {
    sqliteFile = await createTestDatabase('sqlite');
    const source = openDatabase(sqliteFile.url);
    await migrateToLatest(source);
    await ensureFirstAdmin(source.db, { email: adminEmail, password: adminPassword });
    await loadDemo(source.db, { password: demoPassword });
    await source.close();
  });
  after(async () => {
    for (const target of targets) await target.drop();
    await sqliteFile.drop();
  });

  async function newTarget(): Promise<TestDatabase> {
    const target = await createTestDatabase('postgres');
    targets.push(target);
    return target;
  }

  it('copies through the CLI and prints the verification', async () => {
    const target = await newTarget();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'copy', '--from', sqliteFile.url, '--to', target.url],
      { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    assert.equal(run.status, 0, run.stderr + run.stdout);
    // The demo's three published reports (two in the archive, one in the live event), each with a
    // public and an internal snapshot.
    assert.match(run.stdout, /report_snapshots\s+6\s+6/);
    assert.match(run.stdout, /snapshots: 6 checked, 0 hash mismatch\(es\), 0 different/);
    assert.match(run.stdout, /Verified: the copy matches the source\./);
  });

  it('keeps ids, counts and hashes, and new rows get fresh ids on PostgreSQL', async () => {
    const targetUrl = (await newTarget()).url;
    const source = openDatabase(sqliteFile.url);
    const target = openDatabase(targetUrl);
    try {
      const result = await copyInstallation(source, target);
      assert.ok(result.ok);
      for (const table of result.tables) assert.equal(table.target, table.source, table.name);
      assert.ok(result.tables.find((table) => table.name === 'audit_records')!.source > 0);
      assert.deepEqual((await verifySnapshots(target.db)).mismatches, []);
      assert.deepEqual(await snapshotHashes(target), await snapshotHashes(source));
      const highest = await target.db
        .selectFrom('units')
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      const inserted = await target.db
        .insertInto('units')
        .values({ code: 'NY', name: 'Ny enhet', kind: 'support', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.ok(inserted.id > Number(highest.max));
      await assert.rejects(copyInstallation(source, target), /not empty/);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

async function snapshotHashes(database: Database) {
  return database.db
    .selectFrom('report_snapshots')
    .select(['id', 'content_hash'])
    .orderBy('id')
    .execute();
}
