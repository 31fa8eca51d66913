import type { AnyDb } from '../../db/migration-helpers.ts';

/** A template's title pattern, series and labels; null reads as the default identity. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('templates').addColumn('identity_json', 'text').execute();
}
