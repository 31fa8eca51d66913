import { adminEmail, demoPeople } from '../../support/app.ts';
import { type AuditContext, type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };

const milestone = {
  title: 'Journalen öppnas för invånarna i 1177',
  plannedOn: '2025-03-04',
};

async function createdMilestone({ t, as }: AuditContext) {
  const staff = await as(demoPeople.staff);
  const created = (await staff.post(`/api/events/${t.eventId}/milestones`, milestone)).json();
  return { staff, url: `/api/events/${t.eventId}/milestones/${created.id}`, created };
}

async function closedEvent({ as }: AuditContext) {
  const admin = await as(adminEmail);
  const event = (await admin.post('/api/events', { name: 'Övning Avslut' })).json();
  const closed = await admin.post(`/api/events/${event.id}/close`, {
    version: event.version,
    override: true,
    reason: 'Övningen avslutas utan slutrapport.',
  });
  return { admin, event: closed.json() };
}

export const cases: RouteCases = {
  'GET /api/events/:eventId/milestones': { who: { roles: allRoles } },
  'GET /api/events/:eventId/milestones/:milestoneId': { who: { roles: allRoles } },
  'POST /api/events/:eventId/milestones': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/milestones`,
      body: milestone,
    }),
  },
  'PATCH /api/events/:eventId/milestones/:milestoneId': {
    who: writers,
    write: async (context) => {
      const { staff, url, created } = await createdMilestone(context);
      return {
        client: staff,
        method: 'PATCH',
        url,
        body: { version: created.version, description: 'Invånarna ser sina journaler i 1177.' },
      };
    },
  },
  'POST /api/events/:eventId/milestones/:milestoneId/reach': {
    who: writers,
    write: async (context) => {
      const { staff, url, created } = await createdMilestone(context);
      return {
        client: staff,
        method: 'POST',
        url: `${url}/reach`,
        body: { version: created.version },
      };
    },
  },
  'POST /api/events/:eventId/milestones/:milestoneId/move': {
    who: writers,
    write: async (context) => {
      const { staff, url, created } = await createdMilestone(context);
      return {
        client: staff,
        method: 'POST',
        url: `${url}/move`,
        body: {
          version: created.version,
          plannedOn: '2025-03-11',
          reason: 'Inloggningen i 1177 behöver testas en vecka till.',
        },
      };
    },
  },
  'GET /api/events/:eventId/closing-checklist': { who: { roles: allRoles } },
  'POST /api/events/:eventId/reopen': {
    who: { roles: ['admin'] },
    write: async (context) => {
      const { admin, event } = await closedEvent(context);
      return {
        client: admin,
        method: 'POST',
        url: `/api/events/${event.id}/reopen`,
        body: { version: event.version, reason: 'Efterarbetet behöver fler åtgärder.' },
      };
    },
  },
};
