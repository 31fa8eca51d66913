import { type AnyDb, refuseReplaceAndTruncate } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await refuseReplaceAndTruncate(db, {
    table: 'report_snapshots',
    message: 'published reports are public records and cannot be changed or deleted',
    uniqueKeys: [['id'], ['report_id', 'audience']],
  });
}
