import { type AnyDb, timestampType } from '../../db/migration-helpers.ts';

/** Tokens issued before expiry existed stay valid until revoked. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', timestampType(db)).execute();
}
