import type { Insertable, Selectable } from 'kysely';
import type { AlertKind } from '../../contract/alerts.ts';
import type { Db } from '../db/schema.ts';
import type { AlertChoicesTable, AlertsTable, SendState } from './tables.ts';

export type AlertRow = Selectable<AlertsTable>;
export type AlertChoiceRow = Selectable<AlertChoicesTable>;

export function choicesOfUser(db: Db, userId: number): Promise<AlertChoiceRow[]> {
  return db.selectFrom('alert_choices').selectAll().where('user_id', '=', userId).execute();
}

export async function replaceChoices(db: Db, userId: number, rows: AlertChoiceRow[]) {
  await db.deleteFrom('alert_choices').where('user_id', '=', userId).execute();
  if (rows.length > 0) await db.insertInto('alert_choices').values(rows).execute();
}

/** Everyone who chose the kind, with their choice of e-mail and SMS. */
export function choicesOfKind(db: Db, kind: AlertKind): Promise<AlertChoiceRow[]> {
  return db.selectFrom('alert_choices').selectAll().where('kind', '=', kind).execute();
}

/** Records the alert unless the user already has one on the same subject. */
export async function insertAlert(db: Db, row: Insertable<AlertsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('alerts')
    .values(row)
    .onConflict((conflict) => conflict.columns(['user_id', 'kind', 'subject_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function recentAlerts(db: Db, userId: number, after: number, limit: number) {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '>', after)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function readCursor(db: Db): Promise<number> {
  const row = await db.selectFrom('alert_cursor').select('last_record_id').executeTakeFirst();
  return row?.last_record_id ?? 0;
}

export async function writeCursor(db: Db, lastRecordId: number): Promise<void> {
  const updated = await db
    .updateTable('alert_cursor')
    .set({ last_record_id: lastRecordId })
    .where('id', '=', 1)
    .where('last_record_id', '<', lastRecordId)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    await db
      .insertInto('alert_cursor')
      .values({ id: 1, last_record_id: lastRecordId })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
}

type Channel = 'email_state' | 'sms_state';

/** Claims alerts still to send on a channel by marking them sent; a failed send marks them failed. */
export async function claimPending(db: Db, channel: Channel, limit: number): Promise<AlertRow[]> {
  const pending = await db
    .selectFrom('alerts')
    .selectAll()
    .where(channel, '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: AlertRow[] = [];
  for (const row of pending) {
    const result = await db
      .updateTable('alerts')
      .set({ [channel]: 'sent' })
      .where('id', '=', row.id)
      .where(channel, '=', 'pending')
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) claimed.push(row);
  }
  return claimed;
}

export async function markSendState(db: Db, id: number, channel: Channel, state: SendState) {
  await db
    .updateTable('alerts')
    .set({ [channel]: state })
    .where('id', '=', id)
    .execute();
}
