import type { Insertable, Selectable } from 'kysely';
import { type PageRequest, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { DeliveriesTable, DeliveryState, DistributionListsTable } from './tables.ts';

export type ListRow = Selectable<DistributionListsTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;

export function listDistributionLists(db: Db, eventId: number): Promise<ListRow[]> {
  return db
    .selectFrom('distribution_lists')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('name')
    .execute();
}

export function findDistributionList(db: Db, eventId: number, id: number) {
  return db
    .selectFrom('distribution_lists')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertDistributionList(
  db: Db,
  list: Insertable<DistributionListsTable>,
): Promise<ListRow> {
  return db.insertInto('distribution_lists').values(list).returningAll().executeTakeFirstOrThrow();
}

export function updateDistributionList(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Pick<ListRow, 'name' | 'audience' | 'recipients_json' | 'updated_by'>,
) {
  return updateVersioned(db, 'distribution_lists', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export function subscribersOf(db: Db, eventId: number) {
  return db.selectFrom('subscriptions').selectAll().where('event_id', '=', eventId).execute();
}

export function findSubscription(db: Db, eventId: number, userId: number) {
  return db
    .selectFrom('subscriptions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function insertSubscription(
  db: Db,
  subscription: { eventId: number; userId: number; email: string; token: string },
) {
  return db
    .insertInto('subscriptions')
    .values({
      event_id: subscription.eventId,
      user_id: subscription.userId,
      email: subscription.email,
      token: subscription.token,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteSubscriptionByToken(db: Db, token: string) {
  return db
    .deleteFrom('subscriptions')
    .where('token', '=', token)
    .returningAll()
    .executeTakeFirst();
}

export async function queueDeliveries(
  db: Db,
  deliveries: Insertable<DeliveriesTable>[],
): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto('deliveries')
    .values(deliveries)
    .onConflict((conflict) => conflict.columns(['report_id', 'email']).doNothing())
    .execute();
}

export function deliveriesOfReport(db: Db, reportId: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('email')
    .execute();
}

/**
 * Takes due deliveries and marks them as being sent, so that no other worker takes them. On
 * PostgreSQL, SKIP LOCKED lets several nodes work the same outbox without waiting on each other.
 */
export async function claimDueDeliveries(
  db: Db,
  options: { now: string; leaseUntil: string; limit: number; postgres: boolean },
): Promise<DeliveryRow[]> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('deliveries')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', options.now)]),
          eb.and([eb('state', '=', 'sending'), eb('next_attempt_at', '<=', options.now)]),
        ]),
      )
      .orderBy('id')
      .limit(options.limit);
    if (options.postgres) query = query.forUpdate().skipLocked();
    const ids = (await query.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable('deliveries')
      .set((eb) => ({
        state: 'sending',
        next_attempt_at: options.leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  });
}

export function markDelivered(db: Db, id: number, sentAt: string) {
  return db
    .updateTable('deliveries')
    .set({ state: 'sent', sent_at: sentAt, last_error: null })
    .where('id', '=', id)
    .execute();
}

export function markAttemptFailed(db: Db, id: number, error: string, retryAt: string | null) {
  return db
    .updateTable('deliveries')
    .set({
      state: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ?? new Date().toISOString(),
      last_error: error.slice(0, 500),
    })
    .where('id', '=', id)
    .execute();
}

export function findSubscriptionByEmail(db: Db, eventId: number, email: string) {
  return db
    .selectFrom('subscriptions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The event's outbox, newest first, optionally in one state. */
export function outboxOf(
  db: Db,
  eventId: number,
  state: DeliveryState | undefined,
  page: PageRequest,
) {
  let scope = db.selectFrom('deliveries').where('event_id', '=', eventId);
  if (state) scope = scope.where('state', '=', state);
  return fetchPage(scope, (query) => query.selectAll().orderBy('id', 'desc'), page);
}

export function findDelivery(db: Db, eventId: number, id: number) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Puts a delivery back in the queue as new, unless the worker has taken it meanwhile. */
export function requeueDelivery(db: Db, id: number, previous: DeliveryState, now: string) {
  return db
    .updateTable('deliveries')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, sent_at: null })
    .where('id', '=', id)
    .where('state', '=', previous)
    .returningAll()
    .executeTakeFirst();
}
