import type { AnyDb } from '../../db/migration-helpers.ts';

/**
 * A report section keeps the block parameters it was started with (key figures, list columns and
 * filters, the lead flag), so that refreshing it compiles the same block. Sections started before
 * this have none and refresh as plain sections, as they always did.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('report_sections').addColumn('params_json', 'text').execute();
}
