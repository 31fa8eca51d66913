import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('diversions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('facility_id', 'integer', (c) => c.notNull().references('facilities.id'))
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('redirected_to', 'text', (c) => c.notNull())
    .addColumn('starts_at', timestampType(db), (c) => c.notNull())
    .addColumn('ends_at', timestampType(db))
    .addColumn('decision_id', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('diversions_event_facility')
    .on('diversions')
    .columns(['event_id', 'facility_id', 'starts_at'])
    .execute();
}
