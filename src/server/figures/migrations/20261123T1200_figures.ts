import { sql } from 'kysely';
import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('figure_definitions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_of_measure', 'text', (c) => c.notNull())
    .addColumn('higher_is_worse', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('yellow_threshold', 'double precision')
    .addColumn('red_threshold', 'double precision')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('figure_definitions_event_key', ['event_id', 'key'])
    .execute();
  await withId(db, db.schema.createTable('figure_observations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('definition_id', 'integer', (c) => c.notNull().references('figure_definitions.id'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('observed_at', timestampType(db), (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('facility_id', 'integer', (c) => c.references('facilities.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'figure_observations_one_place',
      sql`unit_id IS NULL OR facility_id IS NULL`,
    )
    .execute();
  await db.schema
    .createIndex('figure_observations_definition_time')
    .on('figure_observations')
    .columns(['definition_id', 'observed_at'])
    .execute();
}
