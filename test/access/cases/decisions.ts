import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };

const decision = {
  decidedAt: '2024-11-13T09:00:00Z',
  forum: 'Operativ samordning produktionschefer',
  text: 'Närakuten i Skene håller öppet till kl. 22 under veckan.',
};

export const cases: RouteCases = {
  'GET /api/events/:eventId/decisions': { who: { roles: allRoles } },
  'GET /api/events/:eventId/decisions.csv': { who: { roles: allRoles } },
  'GET /api/events/:eventId/decisions/:decisionId': { who: { roles: allRoles } },
  'POST /api/events/:eventId/decisions': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/decisions`,
      body: decision,
    }),
  },
  'PATCH /api/events/:eventId/decisions/:decisionId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/decisions`, decision)).json();
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/decisions/${created.id}`,
        body: { version: created.version, rationale: 'Avlastar akutmottagningen i Borås.' },
      };
    },
  },
};
