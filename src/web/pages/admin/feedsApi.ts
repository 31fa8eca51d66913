// The API of an event's feeds: scheduled figure sources and outgoing webhooks.
import type {
  CreatedWebhook,
  FigureSource,
  SourceRun,
  Webhook as ContractWebhook,
  WebhookDelivery,
} from '../../../contract/feeds.ts';
import { request } from '../../api.ts';

export type { FigureSource, SourceRun, WebhookDelivery };

/** A webhook; the one just created carries its secret, shown only then. */
export type Webhook = ContractWebhook & Partial<Pick<CreatedWebhook, 'secret'>>;

type Body = Record<string, unknown>;
const ev = (eventId: number) => `/api/events/${eventId}`;

export const feedsApi = {
  sources: (eventId: number) =>
    request<{ items: FigureSource[] }>('GET', `${ev(eventId)}/figure-sources`),
  createSource: (eventId: number, body: Body) =>
    request<FigureSource>('POST', `${ev(eventId)}/figure-sources`, body),
  updateSource: (eventId: number, id: number, body: Body) =>
    request<FigureSource>('PATCH', `${ev(eventId)}/figure-sources/${id}`, body),
  runs: (eventId: number, id: number) =>
    request<{ items: SourceRun[] }>('GET', `${ev(eventId)}/figure-sources/${id}/runs`),
  webhooks: (eventId: number) => request<{ items: Webhook[] }>('GET', `${ev(eventId)}/webhooks`),
  createWebhook: (eventId: number, body: Body) =>
    request<Webhook>('POST', `${ev(eventId)}/webhooks`, body),
  updateWebhook: (eventId: number, id: number, body: Body) =>
    request<Webhook>('PATCH', `${ev(eventId)}/webhooks/${id}`, body),
  deliveries: (eventId: number, id: number) =>
    request<{ items: WebhookDelivery[] }>('GET', `${ev(eventId)}/webhooks/${id}/deliveries`),
  retry: (eventId: number, webhookId: number, deliveryId: number) =>
    request<WebhookDelivery>(
      'POST',
      `${ev(eventId)}/webhooks/${webhookId}/deliveries/${deliveryId}/retry`,
    ),
};
