import { type WebhookEventType, webhookEventTypes } from '../../contract/feeds.ts';
import { createHmac } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { isPostgres } from '../db/migration-helpers.ts';
import type { Db } from '../db/schema.ts';
import { FetchFailure, failureOf } from './fetch-limited.ts';
import { outboundRequest } from './outbound.ts';
import {
  type WebhookDeliveryRow,
  advanceWebhookCursor,
  auditRecordsAfter,
  claimDueWebhookDeliveries,
  findWebhookForDelivery,
  insertDeliveries,
  lockActiveWebhooks,
  markWebhookAttemptFailed,
  markWebhookDelivered,
} from './repository.ts';

/** The audit actions that make each webhook event: no other capability needs to know webhooks. */
const actionsOf: Record<WebhookEventType, string[]> = {
  'report.published': ['report.publish'],
  'diversion.changed': ['diversion.create', 'diversion.update', 'diversion.end'],
  'readiness.changed': ['readiness.event.set', 'readiness.unit.set'],
};

function eventTypeOf(action: string): WebhookEventType | undefined {
  return webhookEventTypes.find((type) => actionsOf[type].includes(action));
}

export function parseEventTypes(stored: string): WebhookEventType[] {
  return webhookEventTypes.filter((type) => stored.split(' ').includes(type));
}

const recordsPerScan = 500;
const defaultSettleMs = 5_000;

export interface EnqueueOptions {
  now?: Date;
  /**
   * Records younger than this wait for the next round: on PostgreSQL a transaction that took a
   * lower audit id may commit after one with a higher id, and the cursor must not pass it by.
   */
  settleMs?: number;
}

/**
 * Turns committed audit records into deliveries, one per record and subscription: each
 * subscription keeps the id of the newest record it has looked at. The unique key on
 * (subscription, record) and the compare-and-set of the cursor keep two nodes from queuing twice.
 */
export async function enqueueWebhookDeliveries(
  db: Db,
  options: EnqueueOptions = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const settledBefore = new Date(now.getTime() - (options.settleMs ?? defaultSettleMs));
  return db.transaction().execute(async (trx) => {
    let queued = 0;
    for (const webhook of await lockActiveWebhooks(trx, isPostgres(db))) {
      const types = parseEventTypes(webhook.event_types);
      const records = await auditRecordsAfter(
        trx,
        webhook.event_id,
        webhook.last_audit_id,
        types.flatMap((type) => actionsOf[type]),
        { settledBefore: settledBefore.toISOString(), limit: recordsPerScan },
      );
      if (records.length === 0) continue;
      const moved = await advanceWebhookCursor(
        trx,
        webhook.id,
        webhook.last_audit_id,
        records.at(-1)!.id,
      );
      if (moved.numUpdatedRows === 0n) continue;
      await insertDeliveries(
        trx,
        records.map((record) => {
          const type = eventTypeOf(record.action)!;
          return {
            subscription_id: webhook.id,
            event_id: webhook.event_id,
            audit_record_id: record.id,
            event_type: type,
            payload: JSON.stringify({
              id: `lagesbild-${record.id}`,
              type,
              eventId: webhook.event_id,
              occurredAt: record.at,
              action: record.action,
              entity: { type: record.entity_type, id: record.entity_id },
              data: record.after_json === null ? null : JSON.parse(record.after_json),
            }),
            state: 'pending',
            attempts: 0,
            next_attempt_at: now.toISOString(),
            created_at: now.toISOString(),
          };
        }),
      );
      queued += records.length;
    }
    return queued;
  });
}

/** `sha256=` and the hex HMAC-SHA256 of "<timestamp>.<body>" under the subscription's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export const maxWebhookAttempts = 6;
const leaseMs = 2 * 60_000;

/** Back-off after a failed attempt: 30 s, 1, 2, 4, 8 minutes; the sixth failure is final. */
export function webhookRetryDelayMs(attempts: number): number {
  return 30_000 * 2 ** (attempts - 1);
}

export interface WebhookWorkerOptions {
  now?: Date;
  batchSize?: number;
  timeoutMs?: number;
  /** Internal addresses that may be reached all the same (OUTBOUND_ALLOW_LIST). */
  allowedAddresses?: readonly string[];
}

/** A receiver's answer is not used; more than this of it is not read. */
const receiptBytes = 64 * 1024;

/**
 * Sends the deliveries that are due. Each is claimed (with a lease) before it is sent, so two
 * workers never send one delivery at once, and one interrupted mid-send is taken up again once
 * its lease runs out.
 */
export async function deliverDueWebhooks(
  database: Database,
  options: WebhookWorkerOptions = {},
): Promise<{ claimed: number; delivered: number }> {
  const now = options.now ?? new Date();
  const claimed = await claimDueWebhookDeliveries(database.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    limit: options.batchSize ?? 20,
    postgres: database.dialect === 'postgres',
  });
  let delivered = 0;
  for (const delivery of claimed) {
    try {
      const status = await send(database.db, delivery, {
        timeoutMs: options.timeoutMs ?? 10_000,
        allowedAddresses: options.allowedAddresses ?? [],
      });
      await markWebhookDelivered(database.db, delivery.id, status, new Date().toISOString());
      delivered += 1;
    } catch (error) {
      const retryAt =
        delivery.attempts >= maxWebhookAttempts
          ? null
          : new Date(now.getTime() + webhookRetryDelayMs(delivery.attempts)).toISOString();
      await markWebhookAttemptFailed(database.db, delivery.id, {
        status: error instanceof FetchFailure ? error.status : null,
        error: (error as Error).message,
        retryAt,
        now: now.toISOString(),
      });
    }
  }
  return { claimed: claimed.length, delivered };
}

async function send(
  db: Db,
  delivery: WebhookDeliveryRow,
  limits: { timeoutMs: number; allowedAddresses: readonly string[] },
): Promise<number> {
  const webhook = await findWebhookForDelivery(db, delivery.subscription_id);
  if (!webhook || webhook.active !== 1) throw new FetchFailure('Webhooken är avstängd.');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const outbound = { ...limits, maxBytes: receiptBytes };
  const response = await outboundRequest(new URL(webhook.url), {
    method: 'POST',
    ...outbound,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Lagesbild-Webhook/1',
      'x-lagesbild-delivery': String(delivery.id),
      'x-lagesbild-event': delivery.event_type,
      'x-lagesbild-timestamp': timestamp,
      'x-lagesbild-signature': signWebhook(webhook.secret, timestamp, delivery.payload),
    },
    body: delivery.payload,
  }).catch((error: unknown) => {
    throw failureOf(error, 'Mottagaren', outbound);
  });
  if (response.status < 200 || response.status >= 300) {
    throw new FetchFailure(
      `Mottagaren svarade med HTTP-status ${response.status}.`,
      response.status,
    );
  }
  return response.status;
}
