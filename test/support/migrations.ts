// For the tests of a migration that carries existing data over: a database as an installation
// had it just before that migration, and the rows such an installation held.
import { after, before } from 'node:test';
import { Migrator } from 'kysely';
import type { FigureExchangeMeaning } from '../../src/contract/figures.ts';
import { type Database, type DialectName, openDatabase } from '../../src/server/db/database.ts';
import { loadMigrations } from '../../src/server/db/migration-files.ts';
import type { Db } from '../../src/server/db/schema.ts';
import { type EventRow, insertEvent } from '../../src/server/events/repository.ts';
import { insertFigure } from '../../src/server/figures/repository.ts';
import { type TestDatabase, createTestDatabase } from './databases.ts';

/** Applies every migration whose name sorts before `migration`, and none after. */
export async function migrateUntil(database: Database, migration: string): Promise<void> {
  const all = await loadMigrations();
  const earlier = Object.fromEntries(Object.entries(all).filter(([name]) => name < migration));
  const { error } = await new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(earlier) },
    ...(database.schema && { migrationTableSchema: database.schema }),
  }).migrateToLatest();
  if (error) throw error;
}

/** An active weekly event with only the columns every release has had. */
export function insertBareEvent(db: Db, name: string): Promise<EventRow> {
  const now = new Date().toISOString();
  return insertEvent(db, {
    name,
    description: '',
    background: '',
    is_exercise: 0,
    state: 'active',
    period_granularity: 'week',
    four_eyes: 1,
    activated_at: now,
    created_at: now,
    updated_at: now,
  });
}

/** A manual key figure named by its key, with the columns every release has had and `extra`. */
export function insertBareFigure(
  db: Db,
  eventId: number,
  key: string,
  extra: { exchange_meaning?: FigureExchangeMeaning | null } = {},
) {
  const now = new Date().toISOString();
  return insertFigure(db, {
    event_id: eventId,
    key,
    name: key,
    unit_of_measure: '',
    higher_is_worse: 1,
    yellow_threshold: null,
    red_threshold: null,
    internal: 0,
    created_by: null,
    created_at: now,
    source: 'manual',
    updated_by: null,
    updated_at: now,
    ...extra,
  });
}

/**
 * A new empty database for the tests of the enclosing `describe`, opened before them and closed
 * and dropped after them: `database()` is it.
 */
export function emptyDatabaseForSuite(dialect: DialectName): () => Database {
  let testDatabase: TestDatabase;
  let database: Database;
  before(async () => {
    testDatabase = await createTestDatabase(dialect);
    database = openDatabase(testDatabase.url);
  });
  after(async () => {
    await database.close();
    await testDatabase.drop();
  });
  return () => database;
}
