import { sql } from 'kysely';
import { type AnyDb, isPostgres } from '../../db/migration-helpers.ts';
import { changeChannel } from '../../db/notifications.ts';

/**
 * On PostgreSQL every committed audit record of an event wakes the change feed of every node at
 * once (NOTIFY is delivered at commit). SQLite has one node; its feed polls.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql
    .raw(
      `CREATE FUNCTION audit_records_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('${changeChannel}', NEW.event_id::text); RETURN NULL; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_records_notify AFTER INSERT ON audit_records
       FOR EACH ROW WHEN (NEW.event_id IS NOT NULL) EXECUTE FUNCTION audit_records_notify()`,
    )
    .execute(db);
}
