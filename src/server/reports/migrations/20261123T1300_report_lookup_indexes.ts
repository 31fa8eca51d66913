import type { AnyDb } from '../../db/migration-helpers.ts';

/** Published pages look snapshots up by event, number and audience on every request. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('report_snapshots_lookup')
    .on('report_snapshots')
    .columns(['event_id', 'number', 'audience', 'revision'])
    .execute();
}
