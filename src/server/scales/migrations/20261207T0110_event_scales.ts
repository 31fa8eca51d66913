import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';
import { todaysScales } from '../defaults.ts';

/** Each event's status and prognosis scales; every existing event gets the scales it had. */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('event_scales'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('event_scales_event_kind', ['event_id', 'kind'])
    .execute();
  await withId(db, db.schema.createTable('scale_levels'))
    .addColumn('scale_id', 'integer', (c) => c.notNull().references('event_scales.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('scale_levels_scale_key', ['scale_id', 'key'])
    .execute();
  const events = await db.selectFrom('events').select('id').orderBy('id').execute();
  const now = new Date().toISOString();
  for (const event of events) {
    for (const kind of ['status', 'prognosis'] as const) {
      const scale = await db
        .insertInto('event_scales')
        .values({ event_id: event.id, kind, version: 1, updated_by: null, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('scale_levels')
        .values(
          todaysScales[kind].map((level, position) => ({
            scale_id: scale.id,
            key: level.key,
            name: level.name,
            name_en: level.nameEn,
            colour: level.colour,
            meaning: level.meaning,
            symbol: level.symbol,
            position,
            retired: 0,
          })),
        )
        .execute();
    }
  }
}
