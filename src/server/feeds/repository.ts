import type { Insertable, Selectable, Updateable } from 'kysely';
import { fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type {
  FigureSourceRunsTable,
  FigureSourcesTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from './tables.ts';

export type FigureSourceRow = Selectable<FigureSourcesTable>;
export type FigureSourceRunRow = Selectable<FigureSourceRunsTable>;
export type WebhookRow = Selectable<WebhookSubscriptionsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

// Figure sources

export function listFigureSources(db: Db, eventId: number): Promise<FigureSourceRow[]> {
  return db
    .selectFrom('figure_sources')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findFigureSource(db: Db, eventId: number, sourceId: number) {
  return db
    .selectFrom('figure_sources')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', sourceId)
    .executeTakeFirst();
}

export function insertFigureSource(db: Db, values: Insertable<FigureSourcesTable>) {
  return db.insertInto('figure_sources').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateFigureSource(
  db: Db,
  sourceId: number,
  expectedVersion: number,
  changes: Updateable<FigureSourcesTable>,
) {
  return updateVersioned(db, 'figure_sources', sourceId, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

/**
 * Claims the sources that are due by moving their next run forward. On PostgreSQL the rows are
 * locked and locked ones skipped; on both engines the update only succeeds while `next_run_at`
 * is still what was read, so two nodes never run one source twice.
 */
export async function claimDueFigureSources(
  db: Db,
  options: { now: Date; limit: number; postgres: boolean },
): Promise<FigureSourceRow[]> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('figure_sources')
      .selectAll()
      .where('enabled', '=', 1)
      .where('next_run_at', '<=', options.now.toISOString())
      .orderBy('next_run_at')
      .limit(options.limit);
    if (options.postgres) query = query.forUpdate().skipLocked();
    const claimed: FigureSourceRow[] = [];
    for (const source of await query.execute()) {
      const nextRun = new Date(options.now.getTime() + source.interval_minutes * 60_000);
      const updated = await trx
        .updateTable('figure_sources')
        .set({ next_run_at: nextRun.toISOString() })
        .where('id', '=', source.id)
        .where('next_run_at', '=', source.next_run_at)
        .returningAll()
        .executeTakeFirst();
      if (updated) claimed.push(updated);
    }
    return claimed;
  });
}

export async function recordFigureSourceRun(db: Db, run: Insertable<FigureSourceRunsTable>) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('figure_source_runs').values(run).execute();
    await trx
      .updateTable('figure_sources')
      .set({
        last_run_at: run.finished_at,
        last_result: run.ok === 1 ? 'ok' : 'failed',
        last_message: run.message,
      })
      .where('id', '=', run.source_id)
      .execute();
  });
}

export function listFigureSourceRuns(db: Db, sourceId: number, limit: number) {
  return db
    .selectFrom('figure_source_runs')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// Webhooks

export function listWebhooks(db: Db, eventId: number): Promise<WebhookRow[]> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findWebhook(db: Db, eventId: number, webhookId: number) {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', webhookId)
    .executeTakeFirst();
}

export function insertWebhook(db: Db, values: Insertable<WebhookSubscriptionsTable>) {
  return db
    .insertInto('webhook_subscriptions')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateWebhook(
  db: Db,
  webhookId: number,
  expectedVersion: number,
  changes: Updateable<WebhookSubscriptionsTable>,
) {
  return updateVersioned(db, 'webhook_subscriptions', webhookId, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export async function newestAuditId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_records')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Active subscriptions, locked on PostgreSQL so that one node at a time reads past a cursor. */
export function lockActiveWebhooks(db: Db, postgres: boolean): Promise<WebhookRow[]> {
  let query = db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('id');
  if (postgres) query = query.forUpdate().skipLocked();
  return query.execute();
}

export function auditRecordsAfter(
  db: Db,
  eventId: number,
  afterId: number,
  actions: string[],
  options: { settledBefore: string; limit: number },
) {
  return db
    .selectFrom('audit_records')
    .select(['id', 'at', 'action', 'entity_type', 'entity_id', 'after_json'])
    .where('event_id', '=', eventId)
    .where('id', '>', afterId)
    .where('action', 'in', actions)
    .where('at', '<=', options.settledBefore)
    .orderBy('id')
    .limit(options.limit)
    .execute();
}

export function advanceWebhookCursor(db: Db, webhookId: number, from: number, to: number) {
  return db
    .updateTable('webhook_subscriptions')
    .set({ last_audit_id: to })
    .where('id', '=', webhookId)
    .where('last_audit_id', '=', from)
    .executeTakeFirst();
}

export function insertDeliveries(db: Db, rows: Insertable<WebhookDeliveriesTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db
    .insertInto('webhook_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['subscription_id', 'audit_record_id']).doNothing())
    .execute();
}

/**
 * Claims due deliveries in one statement: they become 'sending' with a lease, and their attempt
 * is counted. On PostgreSQL rows another worker has locked are skipped instead of waited for.
 */
export function claimDueWebhookDeliveries(
  db: Db,
  options: { now: string; leaseUntil: string; limit: number; postgres: boolean },
): Promise<WebhookDeliveryRow[]> {
  return db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      state: 'sending',
      next_attempt_at: options.leaseUntil,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: options.now,
    }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('state', 'in', ['pending', 'sending'])
        .where('next_attempt_at', '<=', options.now)
        .orderBy('id')
        .limit(options.limit);
      return options.postgres ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}

export function findWebhookForDelivery(db: Db, subscriptionId: number) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'secret', 'active'])
    .where('id', '=', subscriptionId)
    .executeTakeFirst();
}

export function markWebhookDelivered(db: Db, id: number, status: number, at: string) {
  return db
    .updateTable('webhook_deliveries')
    .set({ state: 'delivered', last_status: status, last_error: null, delivered_at: at })
    .where('id', '=', id)
    .execute();
}

export function markWebhookAttemptFailed(
  db: Db,
  id: number,
  failure: { status: number | null; error: string; retryAt: string | null; now: string },
) {
  return db
    .updateTable('webhook_deliveries')
    .set({
      state: failure.retryAt ? 'pending' : 'failed',
      next_attempt_at: failure.retryAt ?? failure.now,
      last_status: failure.status,
      last_error: failure.error,
    })
    .where('id', '=', id)
    .execute();
}

export async function listWebhookDeliveries(
  db: Db,
  webhookId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: WebhookDeliveryRow[]; total: number }> {
  return fetchPage(
    db.selectFrom('webhook_deliveries').where('subscription_id', '=', webhookId),
    (query) => query.selectAll().orderBy('id', 'desc'),
    page,
  );
}

export function findWebhookDelivery(db: Db, webhookId: number, deliveryId: number) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', webhookId)
    .where('id', '=', deliveryId)
    .executeTakeFirst();
}

/** Due now; a delivery being sent right now is left alone. */
export function retryWebhookDeliveryNow(db: Db, deliveryId: number, now: string) {
  return db
    .updateTable('webhook_deliveries')
    .set({ state: 'pending', next_attempt_at: now })
    .where('id', '=', deliveryId)
    .where('state', 'in', ['pending', 'failed'])
    .returningAll()
    .executeTakeFirst();
}
