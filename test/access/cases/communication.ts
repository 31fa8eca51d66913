// Writes sign in as staff: the foundation cases reset the communicator's password earlier in the run.
import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const, 'communicator' as const] };
const base = (eventId: number) => `/api/events/${eventId}/communication`;

const activity = {
  occurredOn: '2024-11-13',
  channels: ['intranet'],
  audience: 'internal',
  title: 'Lägesuppdatering efter första dygnet',
};
const spokesperson = {
  name: 'Per Lindahl',
  title: 'Presschef',
  topic: 'Mediefrågor',
  fromDate: '2024-11-12',
};

export const cases: RouteCases = {
  'GET /api/events/:eventId/communication/activities': { who: { roles: allRoles } },
  'POST /api/events/:eventId/communication/activities': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `${base(t.eventId)}/activities`,
      body: activity,
    }),
  },
  'PATCH /api/events/:eventId/communication/activities/:activityId': {
    who: writers,
    write: async ({ t, as }) => {
      const client = await as(demoPeople.staff);
      const created = (await client.post(`${base(t.eventId)}/activities`, activity)).json();
      return {
        client,
        method: 'PATCH',
        url: `${base(t.eventId)}/activities/${created.id}`,
        body: { version: created.version, audience: 'both' },
      };
    },
  },
  'GET /api/events/:eventId/communication/media': { who: { roles: allRoles } },
  'POST /api/events/:eventId/communication/media': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `${base(t.eventId)}/media`,
      body: { period: '2024-W48', articleCount: 410, themes: ['Utvärdering'], tone: 'mixed' },
    }),
  },
  'PATCH /api/events/:eventId/communication/media/:mediaPictureId': {
    who: writers,
    write: async ({ t, as }) => {
      const client = await as(demoPeople.staff);
      const created = (
        await client.post(`${base(t.eventId)}/media`, {
          period: '2024-W43',
          articleCount: 90,
          tone: 'neutral',
        })
      ).json();
      return {
        client,
        method: 'PATCH',
        url: `${base(t.eventId)}/media/${created.id}`,
        body: { version: created.version, articleCount: 95 },
      };
    },
  },
  'GET /api/events/:eventId/communication/spokespersons': { who: { roles: allRoles } },
  'POST /api/events/:eventId/communication/spokespersons': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `${base(t.eventId)}/spokespersons`,
      body: spokesperson,
    }),
  },
  'PATCH /api/events/:eventId/communication/spokespersons/:spokespersonId': {
    who: writers,
    write: async ({ t, as }) => {
      const client = await as(demoPeople.staff);
      const created = (await client.post(`${base(t.eventId)}/spokespersons`, spokesperson)).json();
      return {
        client,
        method: 'PATCH',
        url: `${base(t.eventId)}/spokespersons/${created.id}`,
        body: { version: created.version, toDate: '2024-11-29' },
      };
    },
  },
};
