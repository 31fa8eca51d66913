import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.ts';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each capability keeps its migrations in its own `migrations/` folder; they run in the order
 * of their file names, which start with a UTC timestamp.
 */
class CapabilityMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of findMigrationFiles()) {
      const name = path.basename(file, '.ts');
      if (migrations[name]) throw new Error(`Two migrations share the name ${name}`);
      migrations[name] = (await import(pathToFileURL(file).href)) as Migration;
    }
    return migrations;
  }
}

function findMigrationFiles(): string[] {
  return fs
    .readdirSync(serverRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(serverRoot, entry.name, 'migrations'))
    .filter((folder) => fs.existsSync(folder))
    .flatMap((folder) =>
      fs
        .readdirSync(folder)
        .filter((file) => /^\d{8}T\d{4}_[a-z0-9_]+\.ts$/.test(file))
        .map((file) => path.join(folder, file)),
    );
}

/** Applies pending migrations; on PostgreSQL under an advisory lock, so concurrent nodes apply each once. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new CapabilityMigrationProvider(),
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
