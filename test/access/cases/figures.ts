import type { Client } from '../../support/app.ts';
import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const editors = { roles: ['admin', 'staff'] } as const;

async function figureByKey(client: Client, eventId: number, key: string) {
  const items = (await client.get(`/api/events/${eventId}/figures?limit=500`)).json().items as {
    id: number;
    key: string;
    version: number;
  }[];
  return items.find((figure) => figure.key === key)!;
}

const goodCsv = 'nyckeltal;värde;tidpunkt;enhet\nbeläggningsgrad;91,2;2024-11-25 07:00;SÄS';

export const cases: RouteCases = {
  'GET /api/events/:eventId/figures': { who: { roles: allRoles } },
  'POST /api/events/:eventId/figures': {
    who: { roles: [...editors.roles] },
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/figures`,
      body: { key: 'inskrivna-patienter', name: 'Inskrivna patienter', unitOfMeasure: 'st' },
    }),
  },
  'PATCH /api/events/:eventId/figures/:figureId': {
    who: { roles: [...editors.roles] },
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const figure = await figureByKey(staff, t.eventId, 'medieartiklar');
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/figures/${figure.id}`,
        body: { version: figure.version, yellowThreshold: 500, redThreshold: 900 },
      };
    },
  },
  'GET /api/events/:eventId/figures/:figureId/observations': { who: { roles: allRoles } },
  'GET /api/events/:eventId/figures/:figureId/observations.csv': { who: { roles: allRoles } },
  'GET /api/events/:eventId/figures/:figureId/series': { who: { roles: allRoles } },
  'POST /api/events/:eventId/figures/:figureId/observations': {
    who: { roles: [...editors.roles] },
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const figure = await figureByKey(staff, t.eventId, 'medieartiklar');
      return {
        client: staff,
        method: 'POST',
        url: `/api/events/${t.eventId}/figures/${figure.id}/observations`,
        body: { value: 640, observedAt: '2024-11-29T11:00:00Z' },
      };
    },
  },
  'POST /api/events/:eventId/units/:unitId/observations': {
    who: { roles: [...editors.roles], ownUnitRoles: ['unit_reporter'] },
    write: async ({ t, as, unitId }) => ({
      client: await as(demoPeople.reporterSas),
      method: 'POST',
      url: `/api/events/${t.eventId}/units/${await unitId('SÄS')}/observations`,
      body: { figureKey: 'beläggningsgrad', value: 92.4, observedAt: '2024-11-25T06:00:00Z' },
    }),
  },
  'POST /api/events/:eventId/figures/import/preview': {
    who: { roles: [...editors.roles] },
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/figures/import/preview`,
      body: { filename: 'forhandsgranskning.csv', csv: goodCsv },
    }),
  },
  'POST /api/events/:eventId/figures/import': {
    who: { roles: [...editors.roles] },
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/figures/import`,
      body: { filename: 'belaggning-v48.csv', csv: goodCsv },
    }),
  },
};
