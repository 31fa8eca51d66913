import { adminEmail } from '../../support/app.ts';
import { type AuditContext, type RouteCases, allRoles } from '../types.ts';

async function unitList(context: AuditContext) {
  const admin = await context.as(adminEmail);
  const list = (await admin.get(`/api/events/${context.t.eventId}/units`)).json() as {
    version: number;
    items: { unitId: number; parentUnitId: number | null }[];
  };
  return { admin, list };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/units': { who: { roles: allRoles } },
  'PUT /api/events/:eventId/units': {
    who: { roles: ['admin'] },
    write: async (context) => {
      const { admin, list } = await unitList(context);
      return {
        client: admin,
        method: 'PUT',
        url: `/api/events/${context.t.eventId}/units`,
        body: {
          version: list.version,
          unitlessLabel: 'Hela regionen',
          units: list.items.map(({ unitId, parentUnitId }) => ({ unitId, parentUnitId })),
        },
      };
    },
  },
  'POST /api/events/:eventId/units': {
    who: { roles: ['admin'] },
    write: async (context) => {
      const { admin, list } = await unitList(context);
      return {
        client: admin,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/units`,
        body: {
          version: list.version,
          newUnit: { code: 'GRUPP-A', name: 'Grupp A', kind: 'group' },
        },
      };
    },
  },
  'POST /api/events/:eventId/units/import': {
    who: { roles: ['admin'] },
    write: async (context) => {
      const { admin, list } = await unitList(context);
      return {
        client: admin,
        method: 'POST',
        url: `/api/events/${context.t.eventId}/units/import`,
        body: { version: list.version, csv: 'GRUPP-B;Grupp B;;grupp;\n' },
      };
    },
  },
  'DELETE /api/events/:eventId/units/:unitId': {
    who: { roles: ['admin'] },
    write: async (context) => {
      const { admin, list } = await unitList(context);
      const added = await admin.post(`/api/events/${context.t.eventId}/units`, {
        version: list.version,
        newUnit: { code: 'GRUPP-C', name: 'Grupp C', kind: 'group' },
      });
      const unitId = await context.unitId('GRUPP-C');
      return {
        client: admin,
        method: 'DELETE',
        url: `/api/events/${context.t.eventId}/units/${unitId}?version=${added.json().version}`,
      };
    },
  },
};
