import { adminEmail } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/events/:eventId/scales': { who: { roles: allRoles } },
  'PUT /api/events/:eventId/scales/:kind': {
    who: { roles: ['admin'] },
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const scales = (await admin.get(`/api/events/${t.eventId}/scales`)).json();
      const levels = scales.prognosis.levels
        .filter((level: { retired: boolean }) => !level.retired)
        .map(({ key, name, nameEn, colour, meaning, symbol }: Record<string, string>) => ({
          key,
          name: `${name}!`,
          nameEn,
          colour,
          meaning,
          symbol,
        }));
      return {
        client: admin,
        method: 'PUT',
        url: `/api/events/${t.eventId}/scales/prognosis`,
        body: { version: scales.prognosis.version, levels },
      };
    },
  },
};
