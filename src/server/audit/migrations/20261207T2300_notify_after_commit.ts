import { sql } from 'kysely';
import { type AnyDb, isPostgres } from '../../db/migration-helpers.ts';

/**
 * The change notification leaves the audit trigger: each node announces its commits itself, after
 * they are durable (src/server/db/change-announcer.ts). A NOTIFY inside the writing transaction
 * kept concurrent commits from sharing a disk flush. Nodes of the previous release still wake on
 * the new nodes' announcements, and their own writes reach the others by the feeds' polling.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP TRIGGER IF EXISTS audit_records_notify ON audit_records`.execute(db);
  await sql`DROP FUNCTION IF EXISTS audit_records_notify()`.execute(db);
}
