import { type AnyDb, makeAppendOnly, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('reports'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('period_start', timestampType(db), (c) => c.notNull())
    .addColumn('compiled_at', timestampType(db), (c) => c.notNull())
    .addColumn('corrects_report_id', 'integer', (c) => c.references('reports.id'))
    .addColumn('return_comment', 'text')
    .addColumn('approved_by', 'integer')
    .addColumn('approved_at', timestampType(db))
    .addColumn('published_by', 'integer')
    .addColumn('published_at', timestampType(db))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('reports_number_revision', ['event_id', 'number', 'revision'])
    .execute();
  await withId(db, db.schema.createTable('report_sections'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('includes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('data_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('unit_id', 'integer')
    .addColumn('refreshed_at', timestampType(db))
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_sections_key', ['report_id', 'key'])
    .execute();
  await db.schema
    .createTable('report_contributors')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_contributors_pk', ['report_id', 'user_id'])
    .execute();
  await withId(db, db.schema.createTable('report_snapshots'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('published_at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('report_snapshots_audience', ['report_id', 'audience'])
    .execute();
  await makeAppendOnly(
    db,
    'report_snapshots',
    'published reports are public records and cannot be changed or deleted',
  );
}
