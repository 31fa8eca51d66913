import type { AnyDb } from '../../db/migration-helpers.ts';

/** Tokens issued before scopes existed keep full access. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('*'))
    .execute();
}
