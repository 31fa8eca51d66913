import { sql } from 'kysely';
import { type AnyDb, makeAppendOnly, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('milestones'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('original_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('upcoming'))
    .addColumn('reached_at', timestampType(db))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('milestones_state', sql`state in ('upcoming', 'reached', 'moved')`)
    .execute();
  await db.schema
    .createIndex('milestones_event_planned')
    .on('milestones')
    .columns(['event_id', 'planned_on'])
    .execute();
  await withId(db, db.schema.createTable('milestone_changes'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('milestone_id', 'integer', (c) => c.notNull().references('milestones.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('previous_on', 'text')
    .addColumn('new_on', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_id', 'integer', (c) => c.references('decisions.id'))
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', timestampType(db), (c) => c.notNull())
    .addCheckConstraint('milestone_changes_kind', sql`kind in ('created', 'moved', 'reached')`)
    .execute();
  await db.schema
    .createIndex('milestone_changes_event_at')
    .on('milestone_changes')
    .columns(['event_id', 'changed_at'])
    .execute();
  await makeAppendOnly(db, 'milestone_changes', 'milestone history cannot be changed');
}
