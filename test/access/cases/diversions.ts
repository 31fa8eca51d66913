import type { Client } from '../../support/app.ts';
import { demoPeople } from '../../support/app.ts';
import type { AuditContext, RouteCases } from '../types.ts';
import { allRoles } from '../types.ts';

const editors: ('admin' | 'staff')[] = ['admin', 'staff'];

/** A fresh ongoing diversion of one flow at Närakuten Skene, for the writes that change one. */
async function ongoingDiversion(
  { t, facilityId }: AuditContext,
  staff: Client,
  category: 'walk_in' | 'secondary_transport',
): Promise<{ id: number; version: number }> {
  const response = await staff.post(`/api/events/${t.eventId}/diversions`, {
    facilityId: await facilityId('SÄS-AKM-SKENE'),
    categories: [category],
    redirectedTo: 'Akutmottagningen Borås',
    startsAt: '2024-12-05T07:00:00Z',
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/diversions': { who: { roles: allRoles } },
  'GET /api/events/:eventId/diversions.csv': { who: { roles: allRoles } },
  'GET /api/events/:eventId/diversions/board': { who: { roles: allRoles } },
  'POST /api/events/:eventId/diversions': {
    who: { roles: editors },
    write: async ({ t, as, facilityId }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/diversions`,
      body: {
        facilityId: await facilityId('SÄS-AKM-SKENE'),
        categories: ['ambulance'],
        redirectedTo: 'Akutmottagningen Borås',
        startsAt: '2024-12-01T07:00:00Z',
        endsAt: '2024-12-01T19:00:00Z',
      },
    }),
  },
  'PATCH /api/events/:eventId/diversions/:diversionId': {
    who: { roles: editors },
    write: async (context) => {
      const staff = await context.as(demoPeople.staff);
      const diversion = await ongoingDiversion(context, staff, 'walk_in');
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${context.t.eventId}/diversions/${diversion.id}`,
        body: { version: diversion.version, note: 'Gäller även helgen.' },
      };
    },
  },
  'POST /api/events/:eventId/diversions/:diversionId/end': {
    who: { roles: editors },
    write: async (context) => {
      const staff = await context.as(demoPeople.staff);
      const diversion = await ongoingDiversion(context, staff, 'secondary_transport');
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/diversions/${diversion.id}/end`,
        body: { version: diversion.version, endsAt: '2024-12-21T07:00:00Z' },
      };
    },
  },
};
