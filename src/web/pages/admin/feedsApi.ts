// The API of an event's feeds: scheduled figure sources and outgoing webhooks.
import { request } from '../../api.ts';

export interface FigureSource {
  id: number;
  name: string;
  url: string;
  format: 'csv' | 'json';
  intervalMinutes: number;
  enabled: boolean;
  nextRunAt: string;
  lastRun: { at: string; result: 'ok' | 'failed'; message: string } | null;
  version: number;
}

export interface SourceRun {
  id: number;
  finishedAt: string;
  ok: boolean;
  rows: number;
  message: string;
  errors: { row: number; column: string | null; message: string }[];
}

export interface Webhook {
  id: number;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  version: number;
  secret?: string;
}

export interface WebhookDelivery {
  id: number;
  eventType: string;
  state: 'pending' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

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
