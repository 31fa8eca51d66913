import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

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

/**
 * A fresh, empty database: a temporary SQLite file, or a new PostgreSQL database. Tests let
 * PostgreSQL acknowledge a commit before its WAL is on disk; `durable` keeps the server's own
 * setting (the benchmarks measure what a deployment does).
 */
export async function createTestDatabase(
  dialect: DialectName,
  options: { durable?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') return sqliteDatabaseIn(freshFolder());
  // A database per test, not a schema: Kysely's migrator reads the catalogue of every schema in
  // the database, which fails when another test drops its schema at the same moment.
  return postgresDatabase(freshPostgresName(), undefined, options.durable);
}

/**
 * A fresh database already at the latest schema: a copy of the migrated template (see
 * `ensureMigratedTemplate`), so that a test does not run every migration again. Tests of the
 * migrations themselves start from `createTestDatabase`.
 */
export async function createMigratedTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  return copyOfTemplate(dialect, await ensureMigratedTemplate(dialect));
}

function copyOfTemplate(dialect: DialectName, template: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const folder = freshFolder();
    fs.copyFileSync(template, path.join(folder, 'test.db'));
    return Promise.resolve(sqliteDatabaseIn(folder));
  }
  return postgresDatabase(freshPostgresName(), template);
}

/**
 * The migrated template of this code, made once and then reused by every test file of the run
 * (scripts/run-tests.ts makes both before the tests start): a SQLite file in the temporary folder,
 * or a PostgreSQL database. Its name carries a hash of the server's sources and the release, so
 * that a changed migration makes a new one. Returns the file or the database name.
 */
export async function ensureMigratedTemplate(dialect: DialectName): Promise<string> {
  return ensureTemplate(dialect, templateName(), null, migrateToLatest);
}

/**
 * A fresh database at the latest schema that already holds what `fill` writes into a migrated
 * one: a copy of a template made once per `kind` (and version of the sources, as the migrated
 * template), so that the tests of a run share set-up that does not depend on the clock.
 */
export async function createFilledTestDatabase(
  dialect: DialectName,
  kind: string,
  fill: (database: Database) => Promise<unknown>,
): Promise<TestDatabase> {
  const migrated = await ensureMigratedTemplate(dialect);
  const template = await ensureTemplate(dialect, templateName(kind), migrated, fill);
  return copyOfTemplate(dialect, template);
}

function templateName(kind?: string): string {
  return `lagesbild_template_${sourcesHash()}${kind ? `_${kind}` : ''}`;
}

/** The template's file or database, built from `base` (or empty) by `fill` when missing. */
async function ensureTemplate(
  dialect: DialectName,
  name: string,
  base: string | null,
  fill: (database: Database) => Promise<unknown>,
): Promise<string> {
  if (dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `${name}.db`);
    if (!fs.existsSync(file)) await buildSqliteTemplate(file, base, fill);
    return file;
  }
  if (!(await postgresDatabaseExists(name))) await buildPostgresTemplate(name, base, fill);
  return name;
}

/** Templates of other sources kept: the newest, which runs of other checkouts may be using. */
const keptOldTemplates = 4;

/**
 * Removes the templates of older sources but the newest few (by file time, or by database oid,
 * which grows with each new database); one still in use (being copied) is left for a later run.
 */
export async function dropOldTemplates(dialects: DialectName[]): Promise<void> {
  const current = `lagesbild_template_${sourcesHash()}`;
  const files = fs
    .readdirSync(os.tmpdir())
    .filter((file) => /^lagesbild_template_\w+\.db$/.test(file) && !file.startsWith(current))
    .map((file) => path.join(os.tmpdir(), file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const file of files.slice(keptOldTemplates)) fs.rmSync(file, { force: true });
  if (!dialects.includes('postgres')) return;
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    const old = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^lagesbild_template_[0-9a-f]+(_\\w+)?$'
         AND datname NOT LIKE $1 ORDER BY oid DESC OFFSET ${keptOldTemplates}`,
      [`${current}%`],
    );
    for (const { datname } of old.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
const templateInputs = ['src/server', 'src/core', 'test/support', 'package.json'];
let cachedHash: string | undefined;

function sourcesHash(): string {
  if (cachedHash) return cachedHash;
  const hash = createHash('sha256');
  const files = templateInputs.flatMap((input) => filesUnder(path.join(repoRoot, input))).sort();
  for (const file of files)
    hash.update(path.relative(repoRoot, file)).update(fs.readFileSync(file));
  cachedHash = hash.digest('hex').slice(0, 16);
  return cachedHash;
}

function filesUnder(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(entry, file))
    .filter((file) => fs.statSync(file).isFile());
}

/** Built under another name and renamed when complete: a reader never sees half a template. */
async function buildSqliteTemplate(
  file: string,
  base: string | null,
  fill: (database: Database) => Promise<unknown>,
): Promise<void> {
  const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  if (base) fs.copyFileSync(base, building);
  const database = openDatabase(`sqlite:${building}`);
  try {
    await fill(database);
  } finally {
    await database.close();
  }
  fs.renameSync(building, file);
}

/**
 * Built once under an advisory lock (parallel test files wait for one build) under another name,
 * and renamed when complete with no connection left: CREATE DATABASE … TEMPLATE refuses a
 * template anyone is connected to.
 */
async function buildPostgresTemplate(
  name: string,
  base: string | null,
  fill: (database: Database) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
    if (await postgresDatabaseExists(name)) return;
    const building = `${name}_building`;
    await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${building}${base ? ` TEMPLATE ${base}` : ''}`);
    const database = openDatabase(postgresUrlOf(building));
    try {
      await fill(database);
    } finally {
      await database.close();
    }
    await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await client.end();
  }
}

async function postgresDatabaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

function freshFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-test-'));
}

function sqliteDatabaseIn(folder: string): TestDatabase {
  return {
    url: `sqlite:${path.join(folder, 'test.db')}`,
    drop: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

function freshPostgresName(): string {
  return `lagesbild_t_${randomBytes(6).toString('hex')}`;
}

/**
 * A new PostgreSQL database, empty or a copy of the template. Its commits do not wait for the
 * disk (synchronous_commit off: a crash of PostgreSQL itself could lose the last ones, nothing
 * else changes), which halves the time of a test's many small transactions on a busy machine.
 */
async function postgresDatabase(
  name: string,
  template?: string,
  durable = false,
): Promise<TestDatabase> {
  await runOnPostgres(
    `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`,
    ...(durable ? [] : [`ALTER DATABASE ${name} SET synchronous_commit = off`]),
  );
  return {
    url: postgresUrlOf(name),
    drop: () => runOnPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function postgresUrlOf(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runOnPostgres(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
