import type { AnyDb } from '../../db/migration-helpers.ts';

/** An action may be recorded in a meeting (of the meetings capability). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('actions')
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
    .execute();
  await db.schema.createIndex('actions_meeting').on('actions').column('meeting_id').execute();
}
