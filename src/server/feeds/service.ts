import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type FigureSourceRow,
  type FigureSourceRunRow,
  type WebhookDeliveryRow,
  type WebhookRow,
  findFigureSource,
  findWebhook,
  findWebhookDelivery,
  insertFigureSource,
  insertWebhook,
  listFigureSourceRuns,
  listFigureSources,
  listWebhookDeliveries,
  listWebhooks,
  newestAuditId,
  retryWebhookDeliveryNow,
  updateFigureSource,
  updateWebhook,
} from './repository.ts';
import type {
  CreateSourceInput,
  CreateWebhookInput,
  CreatedWebhook,
  FigureSource,
  SourceRun,
  UpdateSourceInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
} from '../../contract/feeds.ts';
import type { Page } from '../../contract/list.ts';
import { maxWebhookAttempts, parseEventTypes } from './webhooks.ts';

export function presentSource(source: FigureSourceRow): FigureSource {
  return {
    id: source.id,
    eventId: source.event_id,
    name: source.name,
    url: source.url,
    format: source.format,
    intervalMinutes: source.interval_minutes,
    enabled: source.enabled === 1,
    nextRunAt: source.next_run_at,
    lastRun:
      source.last_run_at === null
        ? null
        : { at: source.last_run_at, result: source.last_result, message: source.last_message },
    version: source.version,
  };
}

export function presentRun(run: FigureSourceRunRow): SourceRun {
  return {
    id: run.id,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    ok: run.ok === 1,
    rows: run.rows,
    message: run.message,
    errors: run.errors_json === null ? [] : (JSON.parse(run.errors_json) as SourceRun['errors']),
  };
}

/** Never includes the secret: it is shown once, when the webhook is created. */
export function presentWebhook(webhook: WebhookRow): Webhook {
  return {
    id: webhook.id,
    eventId: webhook.event_id,
    name: webhook.name,
    url: webhook.url,
    eventTypes: parseEventTypes(webhook.event_types),
    active: webhook.active === 1,
    createdAt: webhook.created_at,
    version: webhook.version,
  };
}

export function presentDelivery(delivery: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: delivery.id,
    eventType: delivery.event_type,
    state: delivery.state,
    attempts: delivery.attempts,
    maxAttempts: maxWebhookAttempts,
    nextAttemptAt: delivery.state === 'pending' ? delivery.next_attempt_at : null,
    lastStatus: delivery.last_status,
    lastError: delivery.last_error,
    lastAttemptAt: delivery.last_attempt_at,
    deliveredAt: delivery.delivered_at,
    createdAt: delivery.created_at,
    payload: JSON.parse(delivery.payload) as unknown,
  };
}

const recentRuns = 50;

/** The event's figure sources, by name. */
export async function figureSourcesOf(db: Db, eventId: number): Promise<{ items: FigureSource[] }> {
  return { items: (await listFigureSources(db, eventId)).map(presentSource) };
}

/** The most recent runs of one figure source, newest first. */
export async function recentRunsOf(
  db: Db,
  eventId: number,
  sourceId: number,
): Promise<{ items: SourceRun[] }> {
  if (!(await findFigureSource(db, eventId, sourceId))) {
    throw errors.notFound('Nyckeltalskällan');
  }
  return { items: (await listFigureSourceRuns(db, sourceId, recentRuns)).map(presentRun) };
}

/** The event's webhooks, by name. */
export async function webhooksOf(db: Db, eventId: number): Promise<{ items: Webhook[] }> {
  return { items: (await listWebhooks(db, eventId)).map(presentWebhook) };
}

/** One page of a webhook's deliveries, newest first. */
export async function deliveryPage(
  db: Db,
  eventId: number,
  webhookId: number,
  page: { limit: number; offset: number },
): Promise<Page<WebhookDelivery>> {
  if (!(await findWebhook(db, eventId, webhookId))) throw errors.notFound('Webhooken');
  const { limit, offset } = page;
  const { rows, total } = await listWebhookDeliveries(db, webhookId, { limit, offset });
  return { items: rows.map(presentDelivery), total, limit, offset };
}

export async function createFigureSource(
  db: Db,
  actor: Actor,
  eventId: number,
  input: CreateSourceInput,
): Promise<FigureSource> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const source = await insertFigureSource(trx, {
      event_id: eventId,
      name: input.name,
      url: input.url,
      format: input.format,
      interval_minutes: input.intervalMinutes,
      enabled: input.enabled ? 1 : 0,
      next_run_at: now,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'figure_source.create',
      entityType: 'figure_source',
      entityId: source.id,
      eventId,
      after: source,
    });
    return presentSource(source);
  });
}

export async function changeFigureSource(
  db: Db,
  actor: Actor,
  eventId: number,
  sourceId: number,
  input: UpdateSourceInput,
): Promise<FigureSource> {
  return db.transaction().execute(async (trx) => {
    const before = await findFigureSource(trx, eventId, sourceId);
    if (!before) throw errors.notFound('Nyckeltalskällan');
    const switchedOn = input.enabled === true && before.enabled === 0;
    const updated = await updateFigureSource(trx, sourceId, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.url !== undefined && { url: input.url }),
      ...(input.format !== undefined && { format: input.format }),
      ...(input.intervalMinutes !== undefined && { interval_minutes: input.intervalMinutes }),
      ...(input.enabled !== undefined && { enabled: input.enabled ? 1 : 0 }),
      ...(switchedOn && { next_run_at: new Date().toISOString() }),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentSource(before));
    await recordAudit(trx, actor, {
      action: 'figure_source.update',
      entityType: 'figure_source',
      entityId: sourceId,
      eventId,
      before,
      after: updated,
    });
    return presentSource(updated);
  });
}

/**
 * Creates a subscription that receives only what happens from now on. The secret is returned
 * here and never again.
 */
export async function createWebhook(
  db: Db,
  actor: Actor,
  eventId: number,
  input: CreateWebhookInput,
): Promise<CreatedWebhook> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const webhook = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const row = await insertWebhook(trx, {
      event_id: eventId,
      name: input.name,
      url: input.url,
      secret,
      event_types: [...new Set(input.eventTypes)].join(' '),
      active: input.active ? 1 : 0,
      last_audit_id: await newestAuditId(trx),
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row.id,
      eventId,
      after: presentWebhook(row),
    });
    return row;
  });
  return { ...presentWebhook(webhook), secret };
}

/** Switching a webhook back on starts from now: what happened while it was off is not sent. */
export async function changeWebhook(
  db: Db,
  actor: Actor,
  eventId: number,
  webhookId: number,
  input: UpdateWebhookInput,
): Promise<Webhook> {
  return db.transaction().execute(async (trx) => {
    const before = await findWebhook(trx, eventId, webhookId);
    if (!before) throw errors.notFound('Webhooken');
    const switchedOn = input.active === true && before.active === 0;
    const updated = await updateWebhook(trx, webhookId, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.url !== undefined && { url: input.url }),
      ...(input.eventTypes !== undefined && {
        event_types: [...new Set(input.eventTypes)].join(' '),
      }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      ...(switchedOn && { last_audit_id: await newestAuditId(trx) }),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentWebhook(before));
    await recordAudit(trx, actor, {
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: webhookId,
      eventId,
      before: presentWebhook(before),
      after: presentWebhook(updated),
    });
    return presentWebhook(updated);
  });
}

/** Makes a waiting or failed delivery due at once; the worker sends it on its next round. */
export async function retryDelivery(
  db: Db,
  actor: Actor,
  eventId: number,
  webhookId: number,
  deliveryId: number,
): Promise<WebhookDelivery> {
  return db.transaction().execute(async (trx) => {
    if (!(await findWebhook(trx, eventId, webhookId))) throw errors.notFound('Webhooken');
    const before = await findWebhookDelivery(trx, webhookId, deliveryId);
    if (!before) throw errors.notFound('Leveransen');
    if (before.state === 'delivered' || before.state === 'sending') {
      throw errors.wrongState(
        before.state === 'delivered'
          ? 'Leveransen är redan levererad.'
          : 'Leveransen skickas just nu.',
      );
    }
    const updated = await retryWebhookDeliveryNow(trx, deliveryId, new Date().toISOString());
    if (!updated) throw errors.conflict(presentDelivery(before));
    await recordAudit(trx, actor, {
      action: 'webhook.delivery.retry',
      entityType: 'webhook_delivery',
      entityId: deliveryId,
      eventId,
      before: { state: before.state, attempts: before.attempts },
      after: { state: updated.state, nextAttemptAt: updated.next_attempt_at },
    });
    return presentDelivery(updated);
  });
}
