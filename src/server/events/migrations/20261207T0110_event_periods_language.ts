import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

/**
 * Each event's reporting period settings, language and time zone. Existing events keep today's
 * behaviour: returns due Thursday 12:00, a report covers the current period, Swedish, Stockholm.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('deadline_weekday', 'integer', (c) => c.notNull().defaultTo(4))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('deadline_time', 'text', (c) => c.notNull().defaultTo('12:00'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('report_covers', 'text', (c) => c.notNull().defaultTo('current'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('sv'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Stockholm'))
    .execute();
  await withId(db, db.schema.createTable('event_period_data_as_of'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('data_as_of', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('event_period_data_as_of_event_period', ['event_id', 'period'])
    .execute();
}
