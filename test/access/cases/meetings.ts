import { demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

const writers = { roles: ['admin' as const, 'staff' as const] };
const everyone = { roles: allRoles };

const forum = { name: 'Samverkan med kommunerna', chairRole: 'Samordnare kommunsamverkan' };
const meeting = {
  title: 'Avstämning med kommunerna',
  startsAt: '2024-11-13T12:00:00Z',
  endsAt: '2024-11-13T13:00:00Z',
};

export const cases: RouteCases = {
  'GET /api/events/:eventId/forums': { who: everyone },
  'GET /api/events/:eventId/forums/:forumId': { who: everyone },
  'POST /api/events/:eventId/forums': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/forums`,
      body: forum,
    }),
  },
  'PATCH /api/events/:eventId/forums/:forumId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/forums`, forum)).json();
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/forums/${created.id}`,
        body: {
          version: created.version,
          schedule: { days: [3], time: '13:00', durationMinutes: 60 },
        },
      };
    },
  },
  'DELETE /api/events/:eventId/forums/:forumId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/forums`, forum)).json();
      return {
        client: staff,
        method: 'DELETE',
        url: `/api/events/${t.eventId}/forums/${created.id}`,
      };
    },
  },
  'GET /api/events/:eventId/meetings': { who: everyone },
  'GET /api/events/:eventId/meetings/:meetingId': { who: everyone },
  'POST /api/events/:eventId/meetings': {
    who: writers,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: `/api/events/${t.eventId}/meetings`,
      body: meeting,
    }),
  },
  'PATCH /api/events/:eventId/meetings/:meetingId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/meetings`, meeting)).json();
      return {
        client: staff,
        method: 'PATCH',
        url: `/api/events/${t.eventId}/meetings/${created.id}`,
        body: {
          version: created.version,
          minutes: 'Kommunerna är informerade om det nya datumet.',
        },
      };
    },
  },
  'DELETE /api/events/:eventId/meetings/:meetingId': {
    who: writers,
    write: async ({ t, as }) => {
      const staff = await as(demoPeople.staff);
      const created = (await staff.post(`/api/events/${t.eventId}/meetings`, meeting)).json();
      return {
        client: staff,
        method: 'DELETE',
        url: `/api/events/${t.eventId}/meetings/${created.id}`,
      };
    },
  },
  'GET /api/events/:eventId/calendar': { who: everyone },
  'GET /api/events/:eventId/calendar/subscription': { who: everyone },
  'POST /api/events/:eventId/calendar/subscription': {
    who: everyone,
    write: async ({ t, as }) => ({
      client: await as(demoPeople.reader),
      method: 'POST',
      url: `/api/events/${t.eventId}/calendar/subscription`,
    }),
  },
  'DELETE /api/events/:eventId/calendar/subscription': {
    who: everyone,
    write: async ({ t, as }) => {
      const reader = await as(demoPeople.reader);
      await reader.post(`/api/events/${t.eventId}/calendar/subscription`);
      return {
        client: reader,
        method: 'DELETE',
        url: `/api/events/${t.eventId}/calendar/subscription`,
      };
    },
  },
  'GET /cal/:file': { who: 'anyone' },
};
