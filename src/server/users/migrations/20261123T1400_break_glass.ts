import type { AnyDb } from '../../db/migration-helpers.ts';

/** Break-glass accounts may still sign in with a password when local login is switched off. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('break_glass', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
