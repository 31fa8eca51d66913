import { z } from 'zod';
import { timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { pageOf } from './list.ts';
import { decimalId, decimalNumber } from './numbers.ts';

export const webhookEventTypes = [
  'report.published',
  'diversion.changed',
  'readiness.changed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Only plain web addresses are fetched; file:, data: and the like are refused. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const id = decimalId;
const name = z.string().trim().min(1, 'Ange ett namn.').max(200, 'Namnet får ha högst 200 tecken.');
const webUrl = z
  .string()
  .trim()
  .max(2000, 'Adressen får ha högst 2000 tecken.')
  .refine(isWebUrl, 'Ange en adress som börjar med http:// eller https://.');
const interval = z
  .number()
  .int('Ange ett helt antal minuter.')
  .min(5, 'Hämta högst var femte minut.')
  .max(10_080, 'Hämta minst en gång i veckan.');
const eventTypes = z
  .array(z.enum(webhookEventTypes, 'Okänd händelsetyp.'))
  .min(1, 'Välj minst en händelsetyp.');

export const sourceParams = eventIdParams.extend({ sourceId: id });
export const webhookParams = eventIdParams.extend({ webhookId: id });
export const deliveryParams = webhookParams.extend({ deliveryId: id });

export const createSourceBody = z
  .object({
    name,
    url: webUrl,
    format: z.enum(['csv', 'json'], 'Välj CSV eller JSON.'),
    intervalMinutes: interval,
    enabled: z.boolean().default(true),
  })
  .strict();

export const updateSourceBody = z
  .object({
    version: z.number().int().positive(),
    name: name.optional(),
    url: webUrl.optional(),
    format: z.enum(['csv', 'json'], 'Välj CSV eller JSON.').optional(),
    intervalMinutes: interval.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const createWebhookBody = z
  .object({ name, url: webUrl, eventTypes, active: z.boolean().default(true) })
  .strict();

export const updateWebhookBody = z
  .object({
    version: z.number().int().positive(),
    name: name.optional(),
    url: webUrl.optional(),
    eventTypes: eventTypes.optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const deliveryListQuery = z.object({
  limit: decimalNumber(1, 200).default(50),
  offset: decimalNumber(0).default(0),
});

export type CreateSourceInput = z.infer<typeof createSourceBody>;
export type UpdateSourceInput = z.infer<typeof updateSourceBody>;
export type CreateWebhookInput = z.infer<typeof createWebhookBody>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookBody>;

export const figureSource = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  url: z.string(),
  format: z.enum(['csv', 'json']),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  nextRunAt: timestamp,
  lastRun: z
    .object({
      at: timestamp,
      result: z.enum(['ok', 'failed']).nullable(),
      message: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type FigureSource = z.infer<typeof figureSource>;

export const figureSourceList = z.object({ items: z.array(figureSource) });

export const sourceRun = z.object({
  id: z.number().int(),
  startedAt: timestamp,
  finishedAt: timestamp,
  ok: z.boolean(),
  rows: z.number().int(),
  message: z.string(),
  /** The rows the import refused. */
  errors: z.array(
    z.object({ row: z.number(), column: z.string().nullable(), message: z.string() }),
  ),
});
export type SourceRun = z.infer<typeof sourceRun>;

export const sourceRunList = z.object({ items: z.array(sourceRun) });

/** Never includes the secret: it is shown once, when the webhook is created. */
export const webhook = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.enum(webhookEventTypes)),
  active: z.boolean(),
  createdAt: timestamp,
  version: z.number().int(),
});
export type Webhook = z.infer<typeof webhook>;

export const webhookList = z.object({ items: z.array(webhook) });

/** A new webhook with its secret, the only time the secret is shown. */
export const createdWebhook = webhook.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhook>;

export const webhookDelivery = z.object({
  id: z.number().int(),
  eventType: z.string(),
  state: z.enum(['pending', 'sending', 'delivered', 'failed']),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  createdAt: timestamp,
  payload: z.unknown(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveryPage = pageOf(webhookDelivery);
