import type { Insertable, Selectable } from 'kysely';
import { updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { ReturnFormsTable } from './tables.ts';

export type ReturnFormRow = Selectable<ReturnFormsTable>;

export function findReturnForm(db: Db, eventId: number): Promise<ReturnFormRow | undefined> {
  return db
    .selectFrom('return_forms')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

/** Stores the event's first own form unless someone stored one first; then answers undefined. */
export function insertReturnForm(
  db: Db,
  form: Insertable<ReturnFormsTable>,
): Promise<ReturnFormRow | undefined> {
  return db
    .insertInto('return_forms')
    .values(form)
    .onConflict((conflict) => conflict.column('event_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateReturnForm(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: { fields: string; updated_by: number | null; updated_at: string },
) {
  return updateVersioned(db, 'return_forms', id, expectedVersion, changes);
}
