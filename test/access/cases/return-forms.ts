import { adminEmail } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/events/:eventId/return-form': { who: { roles: allRoles } },
  'PUT /api/events/:eventId/return-form': {
    who: { roles: ['admin'] },
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const form = (await admin.get(`/api/events/${t.eventId}/return-form`)).json();
      return {
        client: admin,
        method: 'PUT',
        url: `/api/events/${t.eventId}/return-form`,
        body: {
          version: form.version,
          fields: [...form.fields, { key: 'beds', kind: 'yesno', label: 'Finns lediga platser?' }],
        },
      };
    },
  },
};
