import { sql } from 'kysely';
import { type AnyDb, createPostgresInsertTrigger, isPostgres } from '../../db/migration-helpers.ts';

/**
 * Every committed audit record of an event counts up the event's change count in the same
 * transaction, so the count read with the event says whether anything in it changed since: the
 * shared answers of the dashboard's reads are kept by it (src/server/http/response-cache.ts).
 *
 * The count is the sum of a few stripes: on PostgreSQL each connection counts on its own stripe,
 * so concurrent writers in one event do not queue on one row until each other's commit (one row
 * halved the benchmark's write throughput). SQLite has one writer and one stripe.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('event_change_counts')
    .addColumn('event_id', 'integer', (column) => column.notNull())
    .addColumn('stripe', 'integer', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('event_change_counts_pk', ['event_id', 'stripe'])
    .execute();
  const countUp = (stripe: string) =>
    `INSERT INTO event_change_counts (event_id, stripe, count) VALUES (NEW.event_id, ${stripe}, 1)
     ON CONFLICT (event_id, stripe) DO UPDATE SET count = event_change_counts.count + 1`;
  if (isPostgres(db)) {
    await createPostgresInsertTrigger(db, {
      name: 'audit_records_count_change',
      table: 'audit_records',
      when: 'NEW.event_id IS NOT NULL',
      body: countUp('pg_backend_pid() % 16'),
    });
    return;
  }
  await sql
    .raw(
      `CREATE TRIGGER audit_records_count_change AFTER INSERT ON audit_records
       FOR EACH ROW WHEN NEW.event_id IS NOT NULL BEGIN ${countUp('0')}; END`,
    )
    .execute(db);
}
