import type { AnyDb } from '../../db/migration-helpers.ts';
import { timestampType } from '../../db/migration-helpers.ts';

/** When the session last proved a second factor again (removing a factor asks for a recent one). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('stepped_up_at', timestampType(db)).execute();
}
