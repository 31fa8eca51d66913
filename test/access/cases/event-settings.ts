import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/events/:eventId/data-as-of': { who: { roles: allRoles } },
  'PUT /api/events/:eventId/data-as-of/:period': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const set = (await staff.get(`/api/events/${t.eventId}/data-as-of`))
        .json()
        .items.find((item: { period: string }) => item.period === '2024-W48');
      return {
        client: staff,
        method: 'PUT',
        url: `/api/events/${t.eventId}/data-as-of/2024-W48`,
        body: { dataAsOf: '2024-11-28T11:00:00Z', ...(set && { version: set.version }) },
      };
    },
  },
};
