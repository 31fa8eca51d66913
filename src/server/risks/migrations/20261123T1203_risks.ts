import { sql } from 'kysely';
import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('risks'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('likelihood', 'integer', (c) => c.notNull().check(sql`likelihood between 1 and 4`))
    .addColumn('consequence', 'integer', (c) => c.notNull().check(sql`consequence between 1 and 4`))
    .addColumn('mitigation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('risks_event').on('risks').column('event_id').execute();
  await withId(db, db.schema.createTable('risk_assessments'))
    .addColumn('risk_id', 'integer', (c) => c.notNull().references('risks.id'))
    .addColumn('likelihood', 'integer', (c) => c.notNull().check(sql`likelihood between 1 and 4`))
    .addColumn('consequence', 'integer', (c) => c.notNull().check(sql`consequence between 1 and 4`))
    .addColumn('mitigation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('assessed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('assessed_at', timestampType(db), (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('risk_assessments_risk')
    .on('risk_assessments')
    .columns(['risk_id', 'assessed_at'])
    .execute();
}
