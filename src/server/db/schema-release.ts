import { type Kysely, sql } from 'kysely';
import packageJson from '../../../package.json' with { type: 'json' };
import type { Database } from './database.ts';

/**
 * The release whose migrations last ran against a database, and the oldest release whose code
 * still runs against the schema it left. An older node that finds migrations it does not know
 * reads this to decide whether it may keep serving.
 */
export interface SchemaRelease {
  release: string;
  oldestCompatible: string;
}

/**
 * This release. `oldestCompatible` is lowered by nobody and raised only by a release whose
 * migrations an older release cannot run against (the second step of a removal, see CHANGELOG.md).
 */
export const currentRelease: SchemaRelease = {
  release: packageJson.version,
  oldestCompatible: '0.1.0',
};

/** Installation bookkeeping like Kysely's own tables: never exported, imported or copied. */
export const releaseTable = 'lagesbild_release';

// The table's rows are not part of the application's typed schema.
type AnyKysely = Kysely<Record<string, Record<string, unknown>>>;

function releaseDb(database: Database): AnyKysely {
  const db = database.db as unknown as AnyKysely;
  return database.schema ? db.withSchema(database.schema) : db;
}

/** The recorded release, or null in a database no release of this mechanism has migrated. */
export async function readSchemaRelease(database: Database): Promise<SchemaRelease | null> {
  if (!(await tableExists(database, releaseTable))) return null;
  const row = await releaseDb(database)
    .selectFrom(releaseTable)
    .select(['release', 'oldest_compatible'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row
    ? { release: String(row.release), oldestCompatible: String(row.oldest_compatible) }
    : null;
}

/** Records `release` unless a newer release is already recorded. */
export async function recordSchemaRelease(
  database: Database,
  release: SchemaRelease,
): Promise<void> {
  await ensureReleaseTable(database);
  const recorded = await readSchemaRelease(database);
  if (recorded && compareReleases(recorded.release, release.release) > 0) return;
  const values = {
    release: release.release,
    oldest_compatible: release.oldestCompatible,
    recorded_at: new Date().toISOString(),
  };
  const db = releaseDb(database);
  if (recorded) await db.updateTable(releaseTable).set(values).where('id', '=', 1).execute();
  else
    await db
      .insertInto(releaseTable)
      .values({ id: 1, ...values })
      .execute();
}

/** Numeric comparison of dotted versions: 0.10.0 is newer than 0.9.3. */
export function compareReleases(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map((part) => Number.parseInt(part, 10));
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export async function tableExists(database: Database, name: string): Promise<boolean> {
  const query =
    database.dialect === 'postgres'
      ? sql`select 1 from information_schema.tables
          where table_schema = current_schema() and table_name = ${name}`
      : sql`select 1 from sqlite_master where type = 'table' and name = ${name}`;
  return (await query.execute(database.db)).rows.length > 0;
}

/** Nodes starting together may both create it; the loser finds it there. */
async function ensureReleaseTable(database: Database): Promise<void> {
  try {
    await releaseDb(database)
      .schema.createTable(releaseTable)
      .ifNotExists()
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('release', 'varchar(40)', (column) => column.notNull())
      .addColumn('oldest_compatible', 'varchar(40)', (column) => column.notNull())
      .addColumn('recorded_at', 'varchar(40)', (column) => column.notNull())
      .execute();
  } catch (error) {
    if (!(await tableExists(database, releaseTable))) throw error;
  }
}
