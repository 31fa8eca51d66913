// The API of an event's feeds: scheduled figure sources and outgoing webhooks.
import type {
  CreatedWebhook,
  FigureSource,
  SourceRun,
  Webhook,
  WebhookDelivery,
} from '../../contract/feeds.ts';
import { type Body, eventPath as ev, request } from '../api.ts';

/** A webhook; the one just created carries its secret, shown only then. */
export type ShownWebhook = Webhook & Partial<Pick<CreatedWebhook, 'secret'>>;

export const feedsApi = {
  sources: (eventId: number) =>
    request<{ items: FigureSource[] }>('GET', `${ev(eventId)}/figure-sources`),
  createSource: (eventId: number, body: Body) =>
    request<FigureSource>('POST', `${ev(eventId)}/figure-sources`, body),
  updateSource: (eventId: number, id: number, body: Body) =>
    request<FigureSource>('PATCH', `${ev(eventId)}/figure-sources/${id}`, body),
  runs: (eventId: number, id: number) =>
    request<{ items: SourceRun[] }>('GET', `${ev(eventId)}/figure-sources/${id}/runs`),
  webhooks: (eventId: number) =>
    request<{ items: ShownWebhook[] }>('GET', `${ev(eventId)}/webhooks`),
  createWebhook: (eventId: number, body: Body) =>
    request<ShownWebhook>('POST', `${ev(eventId)}/webhooks`, body),
  updateWebhook: (eventId: number, id: number, body: Body) =>
    request<ShownWebhook>('PATCH', `${ev(eventId)}/webhooks/${id}`, body),
  deliveries: (eventId: number, id: number) =>
    request<{ items: WebhookDelivery[] }>('GET', `${ev(eventId)}/webhooks/${id}/deliveries`),
  retry: (eventId: number, webhookId: number, deliveryId: number) =>
    request<WebhookDelivery>(
      'POST',
      `${ev(eventId)}/webhooks/${webhookId}/deliveries/${deliveryId}/retry`,
    ),
};
