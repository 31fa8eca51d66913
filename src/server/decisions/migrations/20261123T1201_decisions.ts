import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('decisions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('decided_at', timestampType(db), (c) => c.notNull())
    .addColumn('forum', 'text', (c) => c.notNull())
    .addColumn('mandate', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('effective_from', timestampType(db), (c) => c.notNull())
    .addColumn('effective_to', timestampType(db))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('decisions_event_decided')
    .on('decisions')
    .columns(['event_id', 'decided_at'])
    .execute();
  await db.schema
    .createTable('decision_diversions')
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('diversion_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_diversions_pk', ['decision_id', 'diversion_id'])
    .execute();
}
