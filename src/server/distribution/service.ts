import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { type ReportRow, listReports } from '../reports/repository.ts';
import type { PublishHooks } from '../reports/service.ts';
import { findUserById } from '../users/repository.ts';
import {
  type DeliveryRow,
  type ListRow,
  deleteSubscriptionByToken,
  findDelivery,
  findDistributionList,
  findSubscription,
  insertDistributionList,
  insertSubscription,
  listDistributionLists,
  outboxOf,
  queueDeliveries,
  requeueDelivery,
  subscribersOf,
  updateDistributionList,
} from './repository.ts';
import type { Page } from '../../contract/list.ts';
import type {
  Delivery,
  DistributionList,
  OutboxItem,
  Subscription,
  listBody,
  outboxQuery,
  updateListBody,
} from '../../contract/distribution.ts';

export interface Recipient {
  email: string;
  name: string;
}

export function presentList(row: ListRow): DistributionList {
  return {
    id: row.id,
    name: row.name,
    audience: row.audience,
    recipients: JSON.parse(row.recipients_json) as Recipient[],
    version: row.version,
  };
}

/** The event's distribution lists, by name. */
export async function distributionListsOf(
  db: Db,
  eventId: number,
): Promise<{ items: DistributionList[] }> {
  return { items: (await listDistributionLists(db, eventId)).map(presentList) };
}

export async function createList(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof listBody>,
): Promise<DistributionList> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const row = await insertDistributionList(trx, {
      event_id: eventId,
      name: input.name,
      audience: input.audience,
      recipients_json: JSON.stringify(uniqueRecipients(input.recipients)),
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'distribution_list.create',
      entityType: 'distribution_list',
      entityId: row.id,
      eventId,
      after: row,
    });
    return presentList(row);
  });
}

export async function changeList(
  db: Db,
  actor: Actor,
  eventId: number,
  listId: number,
  input: z.infer<typeof updateListBody>,
): Promise<DistributionList> {
  return db.transaction().execute(async (trx) => {
    const before = await findDistributionList(trx, eventId, listId);
    if (!before) throw errors.notFound('Sändlistan');
    const updated = await updateDistributionList(trx, listId, input.version, {
      name: input.name,
      audience: input.audience,
      recipients_json: JSON.stringify(uniqueRecipients(input.recipients)),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentList(before));
    await recordAudit(trx, actor, {
      action: 'distribution_list.update',
      entityType: 'distribution_list',
      entityId: listId,
      eventId,
      before,
      after: updated,
    });
    return presentList(updated);
  });
}

function uniqueRecipients(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients
    .map((recipient) => ({ ...recipient, email: recipient.email.trim().toLowerCase() }))
    .filter((recipient) => !seen.has(recipient.email) && seen.add(recipient.email));
}

/** Who gets a published report: each list's recipients get its version; subscribers the public one. */
export async function recipientsOf(db: Db, eventId: number) {
  const lists = await listDistributionLists(db, eventId);
  const recipients = new Map<string, { audience: 'public' | 'internal'; listId: number | null }>();
  for (const list of lists) {
    for (const recipient of JSON.parse(list.recipients_json) as Recipient[]) {
      const known = recipients.get(recipient.email);
      if (!known || (known.audience === 'public' && list.audience === 'internal')) {
        recipients.set(recipient.email, { audience: list.audience, listId: list.id });
      }
    }
  }
  for (const subscriber of await subscribersOf(db, eventId)) {
    if (!recipients.has(subscriber.email))
      recipients.set(subscriber.email, { audience: 'public', listId: null });
  }
  return recipients;
}

/** Queues one delivery per recipient in the publishing transaction (the durable outbox). */
export const queueReportDeliveries: PublishHooks = {
  async afterPublish(trx: Db, report: ReportRow, snapshotIds) {
    const now = new Date().toISOString();
    const recipients = await recipientsOf(trx, report.event_id);
    await queueDeliveries(
      trx,
      [...recipients.entries()].map(([email, { audience, listId }]) => ({
        event_id: report.event_id,
        report_id: report.id,
        snapshot_id: snapshotIds[audience],
        list_id: listId,
        email,
        state: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        sent_at: null,
        created_at: now,
      })),
    );
  },
};

/** Whether the actor gets the event's published reports by e-mail. */
export async function subscriptionOf(db: Db, actor: Actor, eventId: number): Promise<Subscription> {
  const found = await findSubscription(db, eventId, actor.userId!);
  return { subscribed: Boolean(found), email: found?.email ?? null };
}

export async function subscribe(db: Db, actor: Actor, eventId: number): Promise<Subscription> {
  const row = await db.transaction().execute(async (trx) => {
    const existing = await findSubscription(trx, eventId, actor.userId!);
    if (existing) return existing;
    const user = await findUserById(trx, actor.userId!);
    const row = await insertSubscription(trx, {
      eventId,
      userId: actor.userId!,
      email: user!.email,
      token: randomBytes(24).toString('base64url'),
    });
    await recordAudit(trx, actor, {
      action: 'subscription.create',
      entityType: 'subscription',
      entityId: row.id,
      eventId,
      after: { email: row.email },
    });
    return row;
  });
  return { subscribed: true, email: row.email };
}

/** One-click unsubscribe from the link in every e-mail; the token is the only credential. */
export async function unsubscribe(db: Db, actor: Actor, token: string) {
  return db.transaction().execute(async (trx) => {
    const removed = await deleteSubscriptionByToken(trx, token);
    if (!removed) return false;
    await recordAudit(trx, actor, {
      action: 'subscription.delete',
      entityType: 'subscription',
      entityId: removed.id,
      eventId: removed.event_id,
      before: { email: removed.email },
    });
    return true;
  });
}

export function presentDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    reportId: row.report_id,
    email: row.email,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}

/** The event's outbox for its admins: what waits, what was sent and what failed, with the error. */
export async function eventOutbox(
  db: Db,
  eventId: number,
  query: z.infer<typeof outboxQuery>,
): Promise<Page<OutboxItem>> {
  const { limit, offset, state } = query;
  const [{ rows, total }, reports] = await Promise.all([
    outboxOf(db, eventId, state, { limit, offset }),
    listReports(db, eventId),
  ]);
  const titles = new Map(reports.map((report) => [report.id, report.title]));
  return {
    items: rows.map((row) => ({
      ...presentDelivery(row),
      reportTitle: titles.get(row.report_id) ?? '',
    })),
    total,
    limit,
    offset,
  };
}

/** Sends a failed (or already sent) e-mail again: back in the queue as a new delivery. */
export async function resendDelivery(
  db: Db,
  actor: Actor,
  eventId: number,
  deliveryId: number,
): Promise<Delivery> {
  return db.transaction().execute(async (trx) => {
    const before = await findDelivery(trx, eventId, deliveryId);
    if (!before) throw errors.notFound('Utskicket');
    if (before.state === 'pending' || before.state === 'sending') {
      throw errors.wrongState('E-posten väntar redan på att skickas.');
    }
    const requeued = await requeueDelivery(trx, deliveryId, before.state, new Date().toISOString());
    if (!requeued) throw errors.conflict(presentDelivery(before));
    await recordAudit(trx, actor, {
      action: 'delivery.resend',
      entityType: 'delivery',
      entityId: deliveryId,
      eventId,
      before: { state: before.state, attempts: before.attempts, lastError: before.last_error },
      after: { state: requeued.state },
    });
    return presentDelivery(requeued);
  });
}
