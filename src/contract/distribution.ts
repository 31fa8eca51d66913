import { z } from 'zod';
import { eventIdParams } from './events.ts';
import { timestamp } from './common.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

export const listParams = eventIdParams.extend({ listId: decimalId });

const recipient = z
  .object({
    email: z.email('Ange en giltig e-postadress.').max(254),
    name: z.string().trim().max(200).default(''),
  })
  .strict();

export const listBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    audience: z.enum(['public', 'internal']),
    recipients: z.array(recipient).max(5000),
  })
  .strict();

export const updateListBody = listBody.extend({ version: z.number().int().positive() }).strict();

export const unsubscribeParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const distributionList = z.object({
  id: z.number().int(),
  name: z.string(),
  audience: z.enum(['public', 'internal']),
  recipients: z.array(z.object({ email: z.string(), name: z.string() })),
  version: z.number().int(),
});
export type DistributionList = z.infer<typeof distributionList>;

export const distributionLists = z.object({ items: z.array(distributionList) });

export const subscription = z.object({ subscribed: z.boolean(), email: z.string().nullable() });
export type Subscription = z.infer<typeof subscription>;

/** Whether this installation has a mail server to send through (SMTP_URL). */
export const mailStatus = z.object({ configured: z.boolean() });
export type MailStatus = z.infer<typeof mailStatus>;

export const deliveryStates = ['pending', 'sending', 'sent', 'failed'] as const;
export const deliveryState = z.enum(deliveryStates);

/** One e-mail of a published report to one recipient. */
export const delivery = z.object({
  id: z.number().int(),
  reportId: z.number().int(),
  email: z.string(),
  state: deliveryState,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: timestamp.nullable(),
  nextAttemptAt: timestamp,
  createdAt: timestamp,
});
export type Delivery = z.infer<typeof delivery>;
export const deliveryList = z.object({ items: z.array(delivery) });

export const deliveryParams = eventIdParams.extend({ deliveryId: decimalId });

export const outboxQuery = listQuery
  .pick({ limit: true, offset: true })
  .extend({ state: deliveryState.optional() })
  .strict();

/** A delivery in the event's outbox, with the title of its report. */
export const outboxItem = delivery.extend({ reportTitle: z.string() });
export type OutboxItem = z.infer<typeof outboxItem>;
export const outboxPage = pageOf(outboxItem);
