import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.ts';
import { loadMigrations } from './migration-files.ts';
import {
  type SchemaRelease,
  compareReleases,
  currentRelease,
  readSchemaRelease,
  recordSchemaRelease,
  tableExists,
} from './schema-release.ts';

/**
 * A newer release migrated the database and does not declare this release compatible with its
 * schema. Its exit code lets a service manager tell it from failures worth a restart.
 */
export class NewerSchemaError extends Error {
  readonly exitCode = newerSchemaExitCode;
}

/** EX_DATAERR: `RestartPreventExitStatus=65` in the documented systemd unit. */
export const newerSchemaExitCode = 65;

export interface MigrateOptions {
  /** Told when this node keeps serving a schema a newer, compatible release migrated. */
  onNewerSchema?: (line: string) => void;
}

class CapabilityMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.migrations);
  }
}

/**
 * Applies pending migrations; on PostgreSQL under an advisory lock, so concurrent nodes apply each
 * once. A database a newer release migrated is left as it is: this node runs against it when that
 * release declares this one compatible, and otherwise refuses with a NewerSchemaError.
 */
export async function migrateToLatest(
  database: Database,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrations = await loadMigrations();
  const executed = await executedMigrations(database);
  const unknown = executed.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    await acceptNewerSchema(database, migrations, executed, unknown, options);
    return [];
  }
  // Recorded before migrating: an older node that sees the new migrations also sees the record.
  await recordSchemaRelease(database, currentRelease);
  const migrator = new Migrator({
    db: database.db,
    provider: new CapabilityMigrationProvider(migrations),
    ...(database.schema && { migrationTableSchema: database.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}

async function executedMigrations(database: Database): Promise<string[]> {
  if (!(await tableExists(database, 'kysely_migration'))) return [];
  const db = database.schema ? database.db.withSchema(database.schema) : database.db;
  const rows = await db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .execute();
  return rows.map((row) => String((row as { name: unknown }).name));
}

async function acceptNewerSchema(
  database: Database,
  migrations: Record<string, Migration>,
  executed: string[],
  unknown: string[],
  options: MigrateOptions,
): Promise<void> {
  const recorded = await readSchemaRelease(database);
  const pending = Object.keys(migrations).filter((name) => !executed.includes(name));
  if (!recorded || pending.length > 0 || !runsAgainst(recorded)) {
    throw new NewerSchemaError(refusal(recorded, unknown, pending));
  }
  options.onNewerSchema?.(
    `The database schema is release ${recorded.release}'s, newer than this node's ${currentRelease.release}; ` +
      `that release declares ${recorded.oldestCompatible} and later compatible, so this node keeps serving: upgrade it soon`,
  );
}

function runsAgainst(recorded: SchemaRelease): boolean {
  return compareReleases(currentRelease.release, recorded.oldestCompatible) >= 0;
}

/** One line: what is in the database, what this node is, what to do. */
function refusal(recorded: SchemaRelease | null, unknown: string[], pending: string[]): string {
  const newer = recorded ? `release ${recorded.release}` : 'a newer release';
  const needs = recorded ? ` (it needs ${recorded.oldestCompatible} or later)` : '';
  const lacks = pending.length > 0 ? `, and lacks this node's ${pending.join(', ')}` : '';
  return (
    `The database has a newer schema: ${newer} applied migrations this node (release ${currentRelease.release}) does not know` +
    ` (${unknown.join(', ')})${lacks}; this node cannot run against it${needs}. ` +
    `Install ${recorded?.release ?? 'the newer release'} on this node; the database is unchanged`
  );
}
