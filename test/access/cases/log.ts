import { demoPeople } from '../../support/app.ts';
import type { Client } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };

async function createEntry(staff: Client, eventId: number) {
  const response = await staff.post(`/api/events/${eventId}/log`, {
    occurredAt: '2024-11-13T10:00:00Z',
    text: 'Larmcentralen meddelar att ambulansflödet är normalt.',
    source: 'Larmcentralen',
  });
  return response.json() as { id: number; version: number };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/log': { who: { roles: allRoles } },
  'GET /api/events/:eventId/log.csv': { who: { roles: allRoles } },
  'POST /api/events/:eventId/log': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/log`,
      body: { occurredAt: '2024-11-13T11:00:00Z', text: 'Stabsmöte genomfört.' },
    }),
  },
  'PATCH /api/events/:eventId/log/:entryId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const entry = await createEntry(staff, t.eventId);
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/log/${entry.id}`,
        body: { version: entry.version, significant: true },
      };
    },
  },
  'POST /api/events/:eventId/log/:entryId/strike': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const entry = await createEntry(staff, t.eventId);
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${t.eventId}/log/${entry.id}/strike`,
        body: { version: entry.version, reason: 'Dubblett av föregående anteckning.' },
      };
    },
  },
};
