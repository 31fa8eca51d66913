// `lagesbild copy` against a PostgreSQL that asks for a password (issue 24): the password comes
// from a PGPASSFILE or from the URL, the copy is complete, and nothing but copy's own lines is
// printed, in particular not pg's deprecation warning for its built-in pgpass lookup. The
// machine's default cluster trusts every local connection, so the test runs a cluster of its own
// (pg_createcluster) with scram-sha-256 for TCP connections.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadDemo } from '../../src/server/demo/seed.ts';
import { listTables } from '../../src/server/ops/tables.ts';
import { ensureFirstAdmin } from '../../src/server/users/bootstrap.ts';
import { adminEmail, adminPassword, demoPassword } from '../support/app.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';

const version = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql')[0] : undefined;
const clusterTools = version !== undefined && commandExists('pg_createcluster');
const execFileAsync = promisify(execFile);
const cluster = `lagesbild_password_${randomBytes(4).toString('hex')}`;
const role = 'lagesbild_copy';
const password = randomBytes(12).toString('hex');

/** The text of pg's warning (pg 8.23, lib/client.js) when its own lookup found a password. */
const pgpassDeprecation = 'pgpass support is deprecated';

const onPostgres = testDialects().includes('postgres');
// In CI a missing tool fails the test (in `before`); elsewhere it skips.
const skip = !onPostgres
  ? 'PostgreSQL not available'
  : !clusterTools && process.env.CI !== 'true' && 'pg_createcluster not installed';

describe('copy to a PostgreSQL that asks for a password', { skip }, () => {
  let port: number;
  let folder: string;
  let sqliteSource: TestDatabase;

  before(async () => {
    assert.ok(clusterTools, 'PostgreSQL server packages (pg_createcluster) are needed here');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-copy-password-'));
    port = await freePort();
    sqliteSource = await createTestDatabase('sqlite');
    // Cluster and source are made side by side: each takes seconds.
    await Promise.all([createCluster(), loadDemoInto(sqliteSource.url)]);
  });
  after(async () => {
    if (fs.existsSync(`/etc/postgresql/${version}/${cluster}`)) {
      execFileSync('pg_dropcluster', ['--stop', version!, cluster], { stdio: 'pipe' });
    }
    await sqliteSource?.drop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  const postgresUrl = (database: string, withPassword: boolean) =>
    `postgres://${role}${withPassword ? `:${password}` : ''}@127.0.0.1:${port}/${database}`;

  /** Only the given PGPASSFILE, and a HOME without a ~/.pgpass, can supply a password. */
  function runCopy(from: string, to: string, pgpassFile: string) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: folder,
      PGPASSFILE: pgpassFile,
      LOG_LEVEL: 'silent',
    };
    delete env.PGPASSWORD;
    delete env.NODE_NO_WARNINGS;
    delete env.NODE_OPTIONS;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'copy', '--from', from, '--to', to],
      { encoding: 'utf8', env },
    );
    assert.equal(run.status, 0, run.stderr + run.stdout);
    return run;
  }

  /** Copy's own lines and its verification, no warning of any kind. */
  function assertCleanOutput(run: { stdout: string; stderr: string }) {
    for (const printed of [run.stdout, run.stderr]) {
      assert.ok(!printed.includes('DeprecationWarning'), printed);
      assert.ok(!printed.includes(pgpassDeprecation), printed);
      assert.ok(!/warning/i.test(printed), printed);
    }
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /Verified: the copy matches the source\.\n$/);
  }

  it('is refused a connection with a wrong password', async () => {
    const client = new pg.Client({
      connectionString: `postgres://${role}:wrong@127.0.0.1:${port}/via_url`,
    });
    await assert.rejects(client.connect(), /password authentication failed for user/);
  });

  it('copies with the password from a PGPASSFILE, there and back, and prints no warning', async () => {
    const pgpassFile = path.join(folder, 'pgpass');
    fs.writeFileSync(pgpassFile, `127.0.0.1:${port}:*:${role}:${password}\n`, { mode: 0o600 });
    const target = postgresUrl('via_pgpass', false);

    const there = runCopy(sqliteSource.url, target, pgpassFile);
    assertCleanOutput(there);
    const sourceCounts = await rowCounts(sqliteSource.url);
    assert.deepEqual(await rowCounts(postgresUrl('via_pgpass', true)), sourceCounts);

    const back = `sqlite:${path.join(folder, 'back.db')}`;
    assertCleanOutput(runCopy(target, back, pgpassFile));
    assert.deepEqual(await rowCounts(back), sourceCounts);
  });

  it('copies with the password in the URL and prints no warning', async () => {
    const target = postgresUrl('via_url', true);
    const run = runCopy(sqliteSource.url, target, path.join(folder, 'no-such-pgpass'));
    assertCleanOutput(run);
    assert.deepEqual(await rowCounts(target), await rowCounts(sqliteSource.url));
  });

  /** A throw-away cluster: not crash-safe (no fsync), which makes it quick to create and fill. */
  async function createCluster(): Promise<void> {
    await execFileAsync('pg_createcluster', [
      ...[version!, cluster, '-p', String(port)],
      ...['-o', 'fsync=off', '-o', 'synchronous_commit=off', '--start'],
      ...['--', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'],
    ]);
    await asSuperuser([
      `CREATE ROLE ${role} LOGIN PASSWORD '${password}'`,
      `CREATE DATABASE via_pgpass OWNER ${role}`,
      `CREATE DATABASE via_url OWNER ${role}`,
    ]);
  }

  async function asSuperuser(statements: string[]): Promise<void> {
    const client = new pg.Client({ host: '/var/run/postgresql', port, user: 'postgres' });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  }
});

/** An installation with an administrator and the demo in it. */
async function loadDemoInto(url: string): Promise<void> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    await ensureFirstAdmin(database.db, { email: adminEmail, password: adminPassword });
    await loadDemo(database.db, { password: demoPassword });
  } finally {
    await database.close();
  }
}

/** Rows per table, with the demo's audit records and six report snapshots there to compare. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const database = openDatabase(url);
  try {
    const counts: Record<string, number> = {};
    for (const table of await listTables(database)) {
      const row = await database.db
        .selectFrom(table.name as 'units')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .executeTakeFirstOrThrow();
      counts[table.name] = Number(row.count);
    }
    assert.equal(counts.report_snapshots, 6);
    assert.ok(counts.audit_records! > 0);
    return counts;
  } finally {
    await database.close();
  }
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
