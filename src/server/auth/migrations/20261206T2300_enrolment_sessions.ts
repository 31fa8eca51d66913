import type { AnyDb } from '../../db/migration-helpers.ts';

/** A session that may only enrol a second factor, for a user the policy requires one of. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('enrolment_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
