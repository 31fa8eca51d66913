import type { AnyDb } from '../../db/migration-helpers.ts';

/** A pushing system names each observation with its own key, so a retried push stores it once. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('figure_observations').addColumn('client_key', 'text').execute();
  await db.schema
    .createIndex('figure_observations_event_client_key')
    .on('figure_observations')
    .columns(['event_id', 'client_key'])
    .unique()
    .execute();
}
