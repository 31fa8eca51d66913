import { sql } from 'kysely';
import type { AnyDb } from '../../db/migration-helpers.ts';

/** Every unit gets a short name: its name when that is short, otherwise its code. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('units')
    .addColumn('short_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`UPDATE units SET short_name = CASE WHEN length(name) <= 20 THEN name ELSE code END`.execute(
    db,
  );
}
