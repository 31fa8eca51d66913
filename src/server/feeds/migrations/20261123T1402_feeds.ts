import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('figure_sources'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_run_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_run_at', timestampType(db))
    .addColumn('last_result', 'text')
    .addColumn('last_message', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('figure_sources_due')
    .on('figure_sources')
    .columns(['enabled', 'next_run_at'])
    .execute();
  await withId(db, db.schema.createTable('figure_source_runs'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('figure_sources.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('started_at', timestampType(db), (c) => c.notNull())
    .addColumn('finished_at', timestampType(db), (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text')
    .execute();
  await db.schema
    .createIndex('figure_source_runs_source')
    .on('figure_source_runs')
    .columns(['source_id', 'id'])
    .execute();
  await withId(db, db.schema.createTable('webhook_subscriptions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_audit_id', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await withId(db, db.schema.createTable('webhook_deliveries'))
    .addColumn('subscription_id', 'integer', (c) =>
      c.notNull().references('webhook_subscriptions.id'),
    )
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('audit_record_id', 'integer', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', timestampType(db))
    .addColumn('delivered_at', timestampType(db))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_once', ['subscription_id', 'audit_record_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
}
