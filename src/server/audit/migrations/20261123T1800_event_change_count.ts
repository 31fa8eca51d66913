import { sql } from 'kysely';
import { type AnyDb, isPostgres } from '../../db/migration-helpers.ts';

/**
 * Every committed audit record of an event counts up `events.change_count` in the same
 * transaction, so the count read with the event says whether anything in it changed since: the
 * shared answers of the dashboard's reads are kept by it (src/server/http/response-cache.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('change_count', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
  const countUp = 'UPDATE events SET change_count = change_count + 1 WHERE id = NEW.event_id';
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION audit_records_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN ${countUp}; RETURN NULL; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER audit_records_count_change AFTER INSERT ON audit_records
         FOR EACH ROW WHEN (NEW.event_id IS NOT NULL) EXECUTE FUNCTION audit_records_count_change()`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE TRIGGER audit_records_count_change AFTER INSERT ON audit_records
       FOR EACH ROW WHEN NEW.event_id IS NOT NULL BEGIN ${countUp}; END`,
    )
    .execute(db);
}
