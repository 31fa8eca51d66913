import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('events'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('background', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_exercise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('period_granularity', 'text', (c) => c.notNull().defaultTo('week'))
    .addColumn('four_eyes', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('activated_at', timestampType(db), (c) => c.notNull())
    .addColumn('closed_at', timestampType(db))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
