import type { Insertable, Selectable } from 'kysely';
import { updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { EventSetupsTable } from './tables.ts';

export type SetupRow = Selectable<EventSetupsTable>;

export function listSetups(db: Db): Promise<SetupRow[]> {
  return db.selectFrom('event_setups').selectAll().orderBy('name').orderBy('id').execute();
}

export function findSetup(db: Db, id: number): Promise<SetupRow | undefined> {
  return db.selectFrom('event_setups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function anySetupExists(db: Db): Promise<boolean> {
  return db
    .selectFrom('event_setups')
    .select('id')
    .limit(1)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function insertSetup(db: Db, setup: Insertable<EventSetupsTable>): Promise<SetupRow> {
  return db.insertInto('event_setups').values(setup).returningAll().executeTakeFirstOrThrow();
}

export function updateSetup(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Pick<SetupRow, 'name' | 'description' | 'setup_json' | 'updated_by'>,
): Promise<SetupRow | undefined> {
  return updateVersioned(db, 'event_setups', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export async function deleteSetup(db: Db, id: number, expectedVersion: number): Promise<boolean> {
  const result = await db
    .deleteFrom('event_setups')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
