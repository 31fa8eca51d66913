import { enqueueWebhookDeliveries } from '../../../src/server/feeds/webhooks.ts';
import { type Client, adminEmail, demoPeople } from '../../support/app.ts';
import type { AuditContext, RouteCases, Who } from '../types.ts';

const admins: Who = { roles: ['admin'] };

async function createSource(admin: Client, eventId: number) {
  const response = await admin.post(`/api/events/${eventId}/figure-sources`, {
    name: 'Datalagret, beläggning',
    url: 'http://127.0.0.1:9/belaggning.csv',
    format: 'csv',
    intervalMinutes: 60,
    enabled: false,
  });
  return response.json() as { id: number; version: number };
}

async function createWebhook(admin: Client, eventId: number) {
  const response = await admin.post(`/api/events/${eventId}/webhooks`, {
    name: 'Regionens integrationsplattform',
    url: 'http://127.0.0.1:9/lagesbild',
    eventTypes: ['readiness.changed'],
  });
  return response.json() as { id: number; version: number };
}

/** A webhook with one queued delivery, made by a change of the event's readiness level. */
async function queuedDelivery({ t, as }: AuditContext) {
  const admin = await as(adminEmail);
  const webhook = await createWebhook(admin, t.eventId);
  const readiness = (await admin.get(`/api/events/${t.eventId}/readiness`)).json().event;
  await admin.post(`/api/events/${t.eventId}/readiness`, {
    version: readiness.version,
    level: readiness.level === 'katastrofläge' ? 'stabsläge' : 'katastrofläge',
    reason: 'Prov av webhook för integrationsplattformen.',
  });
  await enqueueWebhookDeliveries(t.database.db, { settleMs: 0 });
  const deliveries = (
    await admin.get(`/api/events/${t.eventId}/webhooks/${webhook.id}/deliveries`)
  ).json().items as { id: number }[];
  return { admin, webhookId: webhook.id, deliveryId: deliveries[0]!.id };
}

export const cases: RouteCases = {
  'POST /api/events/:eventId/figures/push': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/figures/push`,
      body: {
        observations: [
          {
            clientKey: 'dw-sas-2024-11-25T07',
            figure: 'beläggningsgrad',
            value: 93.1,
            observedAt: '2024-11-25T07:00:00+01:00',
            unit: 'SÄS',
          },
        ],
      },
    }),
  },
  'GET /api/events/:eventId/figure-sources': { who: admins },
  'POST /api/events/:eventId/figure-sources': {
    who: admins,
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/figure-sources`,
      body: {
        name: 'Datalagret, väntande patienter',
        url: 'https://dw.region.example/vantande.json',
        format: 'json',
        intervalMinutes: 30,
      },
    }),
  },
  'PATCH /api/events/:eventId/figure-sources/:sourceId': {
    who: admins,
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const source = await createSource(admin, t.eventId);
      return {
        client: admin,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/figure-sources/${source.id}`,
        body: { version: source.version, intervalMinutes: 15 },
      };
    },
  },
  'GET /api/events/:eventId/figure-sources/:sourceId/runs': { who: admins },
  'GET /api/events/:eventId/webhooks': { who: admins },
  'POST /api/events/:eventId/webhooks': {
    who: admins,
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/webhooks`,
      body: {
        name: 'Kommunernas lägesbild',
        url: 'https://kommun.example/webhook',
        eventTypes: ['report.published', 'diversion.changed'],
      },
    }),
  },
  'PATCH /api/events/:eventId/webhooks/:webhookId': {
    who: admins,
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const webhook = await createWebhook(admin, t.eventId);
      return {
        client: admin,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/webhooks/${webhook.id}`,
        body: { version: webhook.version, active: false },
      };
    },
  },
  'GET /api/events/:eventId/webhooks/:webhookId/deliveries': { who: admins },
  'POST /api/events/:eventId/webhooks/:webhookId/deliveries/:deliveryId/retry': {
    who: admins,
    write: async (context) => {
      const { admin, webhookId, deliveryId } = await queuedDelivery(context);
      return {
        client: admin,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/webhooks/${webhookId}/deliveries/${deliveryId}/retry`,
      };
    },
  },
};
