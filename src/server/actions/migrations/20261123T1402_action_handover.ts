import type { AnyDb } from '../../db/migration-helpers.ts';

/** When an event closes, open actions are handed to a named owner outside the staff. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('actions').addColumn('handover_to', 'text').execute();
}
