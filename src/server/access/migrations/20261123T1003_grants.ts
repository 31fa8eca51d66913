import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('grants'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('grants_user_event')
    .on('grants')
    .columns(['user_id', 'event_id'])
    .execute();
}
