import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };

const action = {
  text: 'Sammanställ frågor från floor walkers till dagens möte.',
  ownerName: 'Oskar Nyberg',
  dueAt: '2024-11-14T15:00:00Z',
};

export const cases: RouteCases = {
  'GET /api/events/:eventId/actions': { who: { roles: allRoles } },
  'GET /api/events/:eventId/actions.csv': { who: { roles: allRoles } },
  'GET /api/events/:eventId/actions/summary': { who: { roles: allRoles } },
  'POST /api/events/:eventId/actions': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/actions`,
      body: action,
    }),
  },
  'PATCH /api/events/:eventId/actions/:actionId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/actions`, action)).json();
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/actions/${created.id}`,
        body: { version: created.version, state: 'in_progress' },
      };
    },
  },
};
