import { sql } from 'kysely';
import type { AnyDb } from '../../db/migration-helpers.ts';

/**
 * What a figure means to the exchange formats (EDXL-HAVE beds) is the event's choice, not a
 * key named in code. Figures with the keys the exchange used to look for keep that meaning.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('figure_definitions').addColumn('exchange_meaning', 'text').execute();
  await sql`update figure_definitions set exchange_meaning = 'bed_occupancy_percent'
    where key = 'beläggningsgrad'`.execute(db);
  await sql`update figure_definitions set exchange_meaning = 'staffed_beds'
    where key = 'vardplatser'`.execute(db);
  await db.schema
    .createIndex('figure_definitions_event_exchange_meaning')
    .on('figure_definitions')
    .columns(['event_id', 'exchange_meaning'])
    .unique()
    .execute();
}
