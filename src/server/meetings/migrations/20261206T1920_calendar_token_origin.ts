import type { AnyDb } from '../../db/migration-helpers.ts';

/** The API token a feed address was created with, if any: revoking the token ends the feed. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('calendar_tokens')
    .addColumn('api_token_id', 'integer', (c) => c.references('api_tokens.id'))
    .execute();
}
