import type { AnyDb } from '../../db/migration-helpers.ts';

/** The decision behind a change of readiness level, when the staff name one. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('readiness_changes')
    .addColumn('decision_id', 'integer', (c) => c.references('decisions.id'))
    .execute();
}
