import type { AnyDb } from '../../db/migration-helpers.ts';

/**
 * The default title pattern was "Regional rapport {event}", one organisation's wording; it is now
 * neutral and in the event's language. Templates made before keep their reports' titles by
 * storing the old default as their own identity.
 */
const formerDefault = JSON.stringify({
  titlePattern: 'Regional rapport {event}',
  series: 'main',
  labels: { initial: 'Initial', update: 'Uppdatering {n}', final: 'Slutrapport', extra: 'Extra' },
});

export async function up(db: AnyDb): Promise<void> {
  await db
    .updateTable('templates')
    .set({ identity_json: formerDefault })
    .where('identity_json', 'is', null)
    .execute();
}
