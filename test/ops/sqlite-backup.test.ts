import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadDemo } from '../../src/server/demo/seed.ts';
import { verifyCopy } from '../../src/server/ops/copy.ts';
import { demoPassword } from '../support/app.ts';

const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const loadTable = 'load_writes';
const fillerRows = 3000;
const backupLimitMs = 60_000;

function mode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

function runBackup(databaseFile: string, target: string) {
  const began = Date.now();
  const child = spawn(process.execPath, [...cli, 'backup', target], {
    env: { ...process.env, DATABASE_URL: `sqlite:${databaseFile}`, LOG_LEVEL: 'silent' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), backupLimitMs);
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - began });
    }),
  );
}

describe('SQLite backup (SQLite only: PostgreSQL is backed up with pg_dump)', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-backup-'));
  const dataFolder = path.join(folder, 'data');
  const databaseFile = path.join(dataFolder, 'lagesbild.db');

  before(async () => {
    const database = openDatabase(`sqlite:${databaseFile}`);
    await migrateToLatest(database);
    await loadDemo(database.db, { password: demoPassword });
    await database.close();
    const raw = new SqliteDatabase(databaseFile);
    raw.exec(`create table ${loadTable} (n integer primary key, payload blob not null)`);
    const insert = raw.prepare(`insert into ${loadTable} (payload) values (randomblob(10000))`);
    raw.transaction(() => {
      for (let row = 0; row < fillerRows; row += 1) insert.run();
    })();
    raw.close();
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('creates the database readable by its owner only, in a folder only the owner enters', () => {
    assert.equal(mode(dataFolder).toString(8), '700');
    assert.equal(mode(databaseFile).toString(8), '600');
    const open = new SqliteDatabase(databaseFile);
    try {
      open.exec(`insert into ${loadTable} (payload) values (x'00')`);
      assert.equal(mode(`${databaseFile}-wal`).toString(8), '600');
    } finally {
      open.close();
    }
  });

  it('finishes while another connection writes continuously, and the copy verifies', async () => {
    const target = path.join(folder, 'backups', 'lagesbild.db');
    fs.mkdirSync(path.dirname(target));
    const writer = new SqliteDatabase(databaseFile);
    writer.pragma('busy_timeout = 5000');
    const write = writer.prepare(`insert into ${loadTable} (payload) values (randomblob(100))`);
    let writes = 0;
    const writing = setInterval(() => {
      write.run();
      writes += 1;
    }, 2);
    const backup = await runBackup(databaseFile, target).finally(() => clearInterval(writing));
    writer.close();
    console.log(`# under ${writes} concurrent writes (process start included: ${backup.ms} ms)`);
    console.log(`# ${backup.output.trim()}`);
    assert.equal(backup.code, 0, backup.output);
    assert.ok(writes >= 10, `${writes} writes during the backup`);
    assert.match(backup.output, /Backed up .* \(\d+\.\d MB in \d+\.\d s\)/);
    assert.deepEqual(
      fs.readdirSync(path.dirname(target)),
      ['lagesbild.db'],
      'no temporary file left',
    );
    assert.equal(mode(target).toString(8), '600');

    const source = openDatabase(`sqlite:${databaseFile}`);
    const copy = openDatabase(`sqlite:${target}`);
    try {
      assert.equal(copy.sqlite!.pragma('integrity_check', { simple: true }), 'ok');
      const result = await verifyCopy(source, copy);
      assert.ok(result.snapshots.checked > 0);
      assert.equal(result.snapshots.mismatches + result.snapshots.differentFromSource, 0);
      for (const table of result.tables) {
        if (table.name === loadTable) {
          assert.ok(table.target >= fillerRows && table.target <= table.source, 'a snapshot');
        } else {
          assert.equal(table.target, table.source, table.name);
        }
      }
    } finally {
      await source.close();
      await copy.close();
    }
  });

  it('leaves nothing at the target when the backup fails', () => {
    const broken = path.join(folder, 'broken.db');
    fs.writeFileSync(broken, 'not a database, but long enough to be read as one '.repeat(100));
    const target = path.join(folder, 'failed', 'lagesbild.db');
    fs.mkdirSync(path.dirname(target));
    const result = spawnSync(process.execPath, [...cli, 'backup', target], {
      env: { ...process.env, DATABASE_URL: `sqlite:${broken}`, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    assert.notEqual(result.status, 0);
    assert.deepEqual(fs.readdirSync(path.dirname(target)), []);
  });
});
