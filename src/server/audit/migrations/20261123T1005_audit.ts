import { type AnyDb, makeAppendOnly, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('audit_records'))
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_records_event_at')
    .on('audit_records')
    .columns(['event_id', 'at'])
    .execute();
  await makeAppendOnly(db, 'audit_records', 'audit records cannot be changed or deleted');
}
