import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('alert_choices')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('alert_choices_pk', ['user_id', 'kind'])
    .execute();
  await withId(db, db.schema.createTable('alerts'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('email_state', 'text', (c) => c.notNull())
    .addColumn('sms_state', 'text', (c) => c.notNull())
    .addUniqueConstraint('alerts_once', ['user_id', 'kind', 'subject_key'])
    .execute();
  await db.schema.createIndex('alerts_of_user').on('alerts').columns(['user_id', 'id']).execute();
  await db.schema
    .createTable('alert_cursor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_record_id', 'integer', (c) => c.notNull())
    .execute();
}
