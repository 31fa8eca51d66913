import type { AnyDb } from '../../db/migration-helpers.ts';

/** A decision may be recorded in a meeting (of the meetings capability). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('decisions')
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
    .execute();
  await db.schema.createIndex('decisions_meeting').on('decisions').column('meeting_id').execute();
}
