import { sql } from 'kysely';
import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('actions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text')
    .addColumn('owner_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('due_at', timestampType(db))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('decision_id', 'integer', (c) => c.references('decisions.id'))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('actions_owner', sql`owner_name is not null or owner_unit_id is not null`)
    .addCheckConstraint('actions_state', sql`state in ('open', 'in_progress', 'done', 'cancelled')`)
    .execute();
  await db.schema
    .createIndex('actions_event_due')
    .on('actions')
    .columns(['event_id', 'due_at'])
    .execute();
  await db.schema.createIndex('actions_decision').on('actions').column('decision_id').execute();
}
