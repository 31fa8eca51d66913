import { demoPeople } from '../../support/app.ts';
import type { AuditContext, RouteCases } from '../types.ts';
import { allRoles } from '../types.ts';

const draft = { overallStatus: 'yellow', prognosis: 'unchanged', bullets: '- Läget är ansträngt.' };

/** The SÄS reporter creates and submits a situation for the period; answers its id and version. */
async function submitted({ t, as, unitId }: AuditContext, period: string) {
  const reporter = await as(demoPeople.reporterSas);
  const url = `/api/events/${t.eventId}/units/${await unitId('SÄS')}/situations/${period}`;
  const created = await reporter.request('PUT', url, draft);
  const sent = await reporter.post(`${url}/submit`, { version: created.json().version });
  return { id: sent.json().id as number, version: sent.json().version as number };
}

/** Staff ask SÄS and NH for a period's situation; answers the request's id and version. */
async function requested({ t, as, unitId }: AuditContext, period: string) {
  const staff = await as(demoPeople.staff);
  const created = await staff.post(`/api/events/${t.eventId}/input-requests`, {
    period,
    deadline: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    unitIds: [await unitId('SÄS'), await unitId('NH')],
  });
  return { staff, id: created.json().id as number, version: created.json().version as number };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/situations': { who: { roles: allRoles } },
  'GET /api/events/:eventId/situations/latest': { who: { roles: allRoles } },
  'GET /api/events/:eventId/situations/:situationId': { who: { roles: allRoles } },
  'GET /api/events/:eventId/units/:unitId/situations/:period/prefill': {
    who: { roles: allRoles },
  },
  'PUT /api/events/:eventId/units/:unitId/situations/:period': {
    who: { roles: ['admin', 'staff'], ownUnitRoles: ['unit_reporter'] },
    write: async ({ t, as, unitId }) => ({
      client: await as(demoPeople.reporterSas),
      method: 'PUT',
      url: `/api/events/${t.eventId}/units/${await unitId('SÄS')}/situations/2024-W40`,
      body: draft,
    }),
  },
  'POST /api/events/:eventId/units/:unitId/situations/:period/submit': {
    who: { roles: ['admin', 'staff'], ownUnitRoles: ['unit_reporter'] },
    write: async ({ t, as, unitId }) => {
      const reporter = await as(demoPeople.reporterSas);
      const url = `/api/events/${t.eventId}/units/${await unitId('SÄS')}/situations/2024-W41`;
      const created = await reporter.request('PUT', url, draft);
      return {
        client: reporter,
        method: 'POST',
        url: `${url}/submit`,
        body: { version: created.json().version },
      };
    },
  },
  'POST /api/events/:eventId/situations/:situationId/return': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const situation = await submitted(context, '2024-W42');
      return {
        client: await context.as(demoPeople.staff),
        method: 'POST',
        url: `/api/events/${context.t.eventId}/situations/${situation.id}/return`,
        body: { version: situation.version, comment: 'Komplettera med prognos för nästa vecka.' },
      };
    },
  },
  'POST /api/events/:eventId/situations/:situationId/accept': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const situation = await submitted(context, '2024-W43');
      return {
        client: await context.as(demoPeople.staff),
        method: 'POST',
        url: `/api/events/${context.t.eventId}/situations/${situation.id}/accept`,
        body: { version: situation.version },
      };
    },
  },
  'POST /api/events/:eventId/input-requests': {
    who: { roles: ['admin', 'staff'] },
    write: async ({ t, as, unitId }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/input-requests`,
      body: {
        period: '2024-W48',
        deadline: '2024-11-28T11:00:00Z',
        unitIds: [await unitId('SÄS'), await unitId('NH')],
      },
    }),
  },
  'PATCH /api/events/:eventId/input-requests/:requestId': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const request = await requested(context, '2024-W49');
      return {
        client: request.staff,
        method: 'PATCH',
        url: `/api/events/${context.t.eventId}/input-requests/${request.id}`,
        body: {
          version: request.version,
          deadline: new Date(Date.now() + 72 * 3_600_000).toISOString(),
        },
      };
    },
  },
  'POST /api/events/:eventId/input-requests/:requestId/reminders': {
    who: { roles: ['admin', 'staff'] },
    write: async (context) => {
      const request = await requested(context, '2024-W50');
      return {
        client: request.staff,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/input-requests/${request.id}/reminders`,
      };
    },
  },
  'GET /api/events/:eventId/reminder-status': { who: { roles: ['admin', 'staff'] } },
  'GET /api/events/:eventId/input-requests': { who: { roles: allRoles } },
  'GET /api/events/:eventId/completeness': { who: { roles: allRoles } },
};
