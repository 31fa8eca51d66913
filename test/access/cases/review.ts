import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };

const lesson = {
  observation: 'Larmlistan till ledningsgruppen var inte uppdaterad vid driftstarten.',
  recommendation: 'Gå igenom larmlistan inför varje planerad driftstart.',
  owner: 'Stabschefen',
};

export const cases: RouteCases = {
  'GET /api/events/:eventId/review/timeline': { who: { roles: allRoles } },
  'GET /api/events/:eventId/review/export/:format': { who: { roles: allRoles } },
  'GET /api/events/:eventId/review/lessons': { who: { roles: allRoles } },
  'POST /api/events/:eventId/review/lessons': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/review/lessons`,
      body: lesson,
    }),
  },
  'PATCH /api/events/:eventId/review/lessons/:lessonId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/review/lessons`, lesson)).json();
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/review/lessons/${created.id}`,
        body: { version: created.version, state: 'in_progress' },
      };
    },
  },
  'DELETE /api/events/:eventId/review/lessons/:lessonId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/review/lessons`, lesson)).json();
      return {
        client: staff,
        method: 'DELETE',
        url: `/api/events/${t.eventId}/review/lessons/${created.id}?version=${created.version}`,
      };
    },
  },
};
