import type { AnyDb } from '../../db/migration-helpers.ts';

/**
 * Each event's own units, in order, with a hierarchy: a unit's parent within the event (null at
 * the top) and its position among its siblings. Every existing event gets every existing unit in
 * name order (the order the units were listed in before), parents from the units' own parents.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('event_units')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('parent_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_units_pk', ['event_id', 'unit_id'])
    .execute();
  const units: { id: number; parent_id: number | null }[] = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  const events: { id: number }[] = await db.selectFrom('events').select('id').execute();
  for (const event of events) {
    for (const [position, unit] of units.entries()) {
      await db
        .insertInto('event_units')
        .values({
          event_id: event.id,
          unit_id: unit.id,
          parent_unit_id: unit.parent_id,
          position,
        })
        .execute();
    }
  }
}
