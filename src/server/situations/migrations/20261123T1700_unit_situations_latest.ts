import type { AnyDb } from '../../db/migration-helpers.ts';

/** Finds each unit's newest situation of an event (the dashboard) without scanning the event. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('unit_situations_event_unit_start')
    .on('unit_situations')
    .columns(['event_id', 'unit_id', 'period_start'])
    .execute();
}
