import type { AnyDb } from '../../db/migration-helpers.ts';

/**
 * What the event calls a figure without a unit (today's "Regionen"), and the version of the
 * event's list of units, which the unit list's editor names when it replaces the list.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('unitless_label', 'text', (c) => c.notNull().defaultTo('Regionen'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('units_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
