import { sql } from 'kysely';
import { type AnyDb, isPostgres, timestampType, withId } from '../../db/migration-helpers.ts';

const refusal = 'Loggboksanteckningar kan inte tas bort, bara strykas.';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('log_entries'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('occurred_at', timestampType(db), (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('information_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('significant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('struck_at', timestampType(db))
    .addColumn('struck_by', 'integer', (c) => c.references('users.id'))
    .addColumn('strike_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('log_entries_event_occurred')
    .on('log_entries')
    .columns(['event_id', 'occurred_at'])
    .execute();
  await refuseDelete(db);
}

// Updates stay allowed (corrections and strikes are versioned and audited); deletion never is.
async function refuseDelete(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION log_entries_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${refusal}'; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
         FOR EACH ROW EXECUTE FUNCTION log_entries_no_delete()`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
       BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
    )
    .execute(db);
}
