import type { CreateTableBuilder } from 'kysely';
import { type AnyDb, makeAppendOnly, timestampType, withId } from '../../db/migration-helpers.ts';

function withContent<T extends string>(table: CreateTableBuilder<T, 'id'>) {
  return table
    .addColumn('overall_status', 'text')
    .addColumn('access_to_care_status', 'text')
    .addColumn('patient_safety_status', 'text')
    .addColumn('staff_status', 'text')
    .addColumn('it_programme_status', 'text')
    .addColumn('communication_status', 'text')
    .addColumn('prognosis', 'text')
    .addColumn('bullets', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key_figures', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0));
}

export async function up(db: AnyDb): Promise<void> {
  await withContent(withId(db, db.schema.createTable('unit_situations')))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', timestampType(db), (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('return_comment', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', timestampType(db))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', timestampType(db))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('unit_situations_unit_period', ['event_id', 'unit_id', 'period'])
    .execute();
  await db.schema
    .createIndex('unit_situations_event_period')
    .on('unit_situations')
    .columns(['event_id', 'period'])
    .execute();

  await withContent(withId(db, db.schema.createTable('unit_situation_versions')))
    .addColumn('situation_id', 'integer', (c) => c.notNull().references('unit_situations.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('situation_version', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('unit_situation_versions_number', ['situation_id', 'number'])
    .execute();
  await makeAppendOnly(
    db,
    'unit_situation_versions',
    'Inskickade versioner av en lägesbild kan inte ändras eller tas bort.',
  );

  await withId(db, db.schema.createTable('input_requests'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('deadline', timestampType(db), (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('input_requests_event_period', ['event_id', 'period'])
    .execute();

  await db.schema
    .createTable('input_request_units')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('input_requests.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('reminded_at', timestampType(db))
    .addPrimaryKeyConstraint('input_request_units_pk', ['request_id', 'unit_id'])
    .execute();
}
