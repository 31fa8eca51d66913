import type { AnyDb } from '../../db/migration-helpers.ts';

/** Where a grant came from: given by hand ('manual') or from the sign-on group mapping ('sso'). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('grants')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .execute();
}
