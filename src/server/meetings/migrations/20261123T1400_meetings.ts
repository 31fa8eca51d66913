import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('forums'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mandate', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('chair_role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('schedule_days', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('schedule_time', 'text')
    .addColumn('schedule_minutes', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('forums_event').on('forums').column('event_id').execute();

  await withId(db, db.schema.createTable('meetings'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('forum_id', 'integer', (c) => c.references('forums.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', timestampType(db), (c) => c.notNull())
    .addColumn('ends_at', timestampType(db), (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('meetings_event_starts')
    .on('meetings')
    .columns(['event_id', 'starts_at'])
    .execute();

  await withId(db, db.schema.createTable('calendar_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('revoked_at', timestampType(db))
    .execute();
  await db.schema
    .createIndex('calendar_tokens_user_event')
    .on('calendar_tokens')
    .columns(['user_id', 'event_id'])
    .execute();
}
