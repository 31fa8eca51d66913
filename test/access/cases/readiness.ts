import { demoPeople } from '../../support/app.ts';
import type { Client } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

/** A body that changes the current level of the scope, based on what the client reads. */
async function nextLevel(client: Client, eventId: number, unitId?: number) {
  const overview = (await client.get(`/api/events/${eventId}/readiness`)).json();
  const current =
    unitId === undefined
      ? overview.event
      : overview.units.find((unit: { unitId: number }) => unit.unitId === unitId);
  return {
    version: current.version,
    level: current.level === 'katastrofläge' ? 'stabsläge' : 'katastrofläge',
    reason: 'Övning av höjd beredskap.',
  };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/readiness': { who: { roles: allRoles } },
  'POST /api/events/:eventId/readiness': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${t.eventId}/readiness`,
        body: await nextLevel(staff, t.eventId),
      };
    },
  },
  'POST /api/events/:eventId/units/:unitId/readiness': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as, unitId }) => {
      const staff = await as(demoPeople.staff);
      const rlm = await unitId('RLM');
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${t.eventId}/units/${rlm}/readiness`,
        body: await nextLevel(staff, t.eventId, rlm),
      };
    },
  },
};
