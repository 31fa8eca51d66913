import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

/**
 * Each report belongs to a series and has its number within it; the event-wide `number` keeps
 * naming the published address. Reports made before series existed form the series "main",
 * numbered as they always were. `report_series` holds a next number that the staff set.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('series', 'text', (c) => c.notNull().defaultTo('main'))
    .execute();
  await db.schema
    .alterTable('reports')
    .addColumn('series_number', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('reports')
    .set((eb) => ({ series_number: eb.ref('number') }))
    .execute();
  await db.schema
    .createIndex('reports_series')
    .on('reports')
    .columns(['event_id', 'series', 'series_number'])
    .execute();
  await withId(db, db.schema.createTable('report_series'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('next_number', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_series_key', ['event_id', 'series'])
    .execute();
}
