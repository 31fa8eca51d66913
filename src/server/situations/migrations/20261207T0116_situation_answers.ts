import type { AnyDb } from '../../db/migration-helpers.ts';

/**
 * The answers of an event's own return-form fields (JSON by field key), and "uppgift saknas"
 * for today's fields, whose values stay in their columns. Every existing return has none.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const table of ['unit_situations', 'unit_situation_versions']) {
    await db.schema
      .alterTable(table)
      .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  }
}
