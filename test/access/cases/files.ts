import { type Client, demoPeople } from '../../support/app.ts';
import { type AuditContext, type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };
const text = Buffer.from('Lägesrapport från kommunens krisledning.\n', 'utf8');

async function upload(client: Client, url: string, name = 'anteckning.txt') {
  const response = await client.request('POST', `${url}?name=${name}`, text, {
    headers: { 'content-type': 'application/octet-stream' },
  });
  return response.json() as { id: number };
}

async function decisionUrl(staff: Client, eventId: number) {
  const created = await staff.post(`/api/events/${eventId}/decisions`, {
    decidedAt: '2024-11-13T09:00:00Z',
    forum: 'Regional särskild sjukvårdsledning',
    text: 'Informationsblad delas ut till vårdcentralerna.',
  });
  return `/api/events/${eventId}/decisions/${created.json().id}/files`;
}

async function logUrl(staff: Client, eventId: number) {
  const created = await staff.post(`/api/events/${eventId}/log`, {
    occurredAt: '2024-11-13T10:00:00Z',
    text: 'Kommunen skickar sin lägesrapport som bilaga.',
  });
  return `/api/events/${eventId}/log/${created.json().id}/files`;
}

/** A saved draft of SÄS for the period, and the reporter who wrote it. */
async function situationUrl({ t, as, unitId }: AuditContext, period: string) {
  const reporter = await as(demoPeople.reporterSas);
  const url = `/api/events/${t.eventId}/units/${await unitId('SÄS')}/situations/${period}`;
  await reporter.request('PUT', url, {
    overallStatus: 'green',
    prognosis: 'unchanged',
    bullets: '- Normalläge.',
  });
  return { reporter, url: `${url}/files` };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/files': { who: { roles: allRoles } },
  'GET /api/events/:eventId/files/:fileId/content': { who: { roles: allRoles } },
  'POST /api/events/:eventId/files': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/files?name=bibliotek.txt`,
      body: text,
    }),
  },
  'POST /api/events/:eventId/log/:entryId/files': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      return {
        client: staff,
        method: 'POST',
        url: `${await logUrl(staff, t.eventId)}?name=logg.txt`,
        body: text,
      };
    },
  },
  'POST /api/events/:eventId/decisions/:decisionId/files': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      return {
        client: staff,
        method: 'POST',
        url: `${await decisionUrl(staff, t.eventId)}?name=beslut.txt`,
        body: text,
      };
    },
  },
  'POST /api/events/:eventId/units/:unitId/situations/:period/files': {
    who: { roles: ['admin', 'staff'], ownUnitRoles: ['unit_reporter'] },
    write: async (context) => {
      const { reporter, url } = await situationUrl(context, '2024-W36');
      return { client: reporter, method: 'POST', url: `${url}?name=lage.txt`, body: text };
    },
  },
  'DELETE /api/events/:eventId/files/:fileId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const url = `/api/events/${t.eventId}/files`;
      const file = await upload(staff, url);
      return { client: staff, method: 'DELETE', url: `${url}/${file.id}` };
    },
  },
  'DELETE /api/events/:eventId/log/:entryId/files/:fileId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const url = await logUrl(staff, t.eventId);
      const file = await upload(staff, url);
      return { client: staff, method: 'DELETE', url: `${url}/${file.id}` };
    },
  },
  'DELETE /api/events/:eventId/decisions/:decisionId/files/:fileId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const url = await decisionUrl(staff, t.eventId);
      const file = await upload(staff, url);
      return { client: staff, method: 'DELETE', url: `${url}/${file.id}` };
    },
  },
  'DELETE /api/events/:eventId/units/:unitId/situations/:period/files/:fileId': {
    who: { roles: ['admin', 'staff'], ownUnitRoles: ['unit_reporter'] },
    write: async (context) => {
      const { reporter, url } = await situationUrl(context, '2024-W35');
      const file = await upload(reporter, url);
      return { client: reporter, method: 'DELETE', url: `${url}/${file.id}` };
    },
  },
};
