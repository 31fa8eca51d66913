import { type AnyDb, createPostgresInsertTrigger, isPostgres } from '../../db/migration-helpers.ts';
import { changeChannel } from '../../db/notifications.ts';

/**
 * On PostgreSQL every committed audit record of an event wakes the change feed of every node at
 * once (NOTIFY is delivered at commit). SQLite has one node; its feed polls.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await createPostgresInsertTrigger(db, {
    name: 'audit_records_notify',
    table: 'audit_records',
    when: 'NEW.event_id IS NOT NULL',
    body: `PERFORM pg_notify('${changeChannel}', NEW.event_id::text)`,
  });
}
