import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

function recorded<T extends string>(db: AnyDb, table: CreateTableBuilder<T, 'id'>) {
  return table
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

export async function up(db: AnyDb): Promise<void> {
  const activities = withId(db, db.schema.createTable('communication_activities'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text');
  await recorded(db, activities).execute();
  await db.schema
    .createIndex('communication_activities_event_date')
    .on('communication_activities')
    .columns(['event_id', 'occurred_on'])
    .execute();

  const media = withId(db, db.schema.createTable('media_pictures'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tone', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('media_pictures_event_period', ['event_id', 'period']);
  await recorded(db, media).execute();

  const spokespersons = withId(db, db.schema.createTable('spokespersons'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text');
  await recorded(db, spokespersons).execute();
}
