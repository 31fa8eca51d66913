import { demoPeople } from '../../support/app.ts';
import type { Client } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };

async function createRisk(staff: Client, eventId: number) {
  const response = await staff.post(`/api/events/${eventId}/risks`, {
    title: 'Driftstörning i nätverket',
    likelihood: 2,
    consequence: 4,
  });
  return response.json() as { id: number; version: number };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/risks': { who: { roles: allRoles } },
  'GET /api/events/:eventId/risks.csv': { who: { roles: allRoles } },
  'GET /api/events/:eventId/risks/:riskId': { who: { roles: allRoles } },
  'POST /api/events/:eventId/risks': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/risks`,
      body: { title: 'Brist på vårdplatser i norra området', likelihood: 2, consequence: 3 },
    }),
  },
  'PATCH /api/events/:eventId/risks/:riskId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const risk = await createRisk(staff, t.eventId);
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/risks/${risk.id}`,
        body: { version: risk.version, owner: 'IT-driften' },
      };
    },
  },
  'POST /api/events/:eventId/risks/:riskId/assessments': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const risk = await createRisk(staff, t.eventId);
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${t.eventId}/risks/${risk.id}/assessments`,
        body: {
          version: risk.version,
          likelihood: 1,
          consequence: 4,
          comment: 'Reservlänk på plats.',
        },
      };
    },
  },
};
