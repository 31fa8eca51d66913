import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each capability keeps its migrations in its own `migrations/` folder; they run in the order
 * of their file names, which start with a UTC timestamp.
 */
export function findMigrationFiles(): string[] {
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

/** The migration's name: its file name without the extension. */
export function migrationName(file: string): string {
  return path.basename(file, '.ts');
}

/**
 * Every migration by name. The server bundle (scripts/bundle-server.ts) replaces this module
 * with one that imports the same files statically.
 */
export async function loadMigrations(): Promise<Record<string, Migration>> {
  const migrations: Record<string, Migration> = {};
  for (const file of findMigrationFiles()) {
    const name = migrationName(file);
    if (migrations[name]) throw new Error(`Two migrations share the name ${name}`);
    migrations[name] = (await import(pathToFileURL(file).href)) as Migration;
  }
  return migrations;
}
