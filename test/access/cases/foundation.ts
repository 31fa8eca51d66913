import { adminEmail, demoPeople } from '../../support/app.ts';
import { type RouteCases, allRoles } from '../types.ts';

export const cases: RouteCases = {
  'GET /healthz': { who: 'anyone' },
  'GET /readyz': { who: 'anyone' },
  'GET /api/openapi.json': { who: 'anyone' },
  'POST /api/auth/login': {
    who: 'anyone',
    write: async ({ t }) => ({
      client: t.anonymous(),
      method: 'POST',
      url: '/api/auth/login',
      body: { email: demoPeople.reader, password: 'Demo-lösenord-för-test-2024' },
    }),
  },
  'POST /api/auth/logout': {
    who: 'signed_in',
    write: async ({ as }) => ({
      client: await as(demoPeople.reader),
      method: 'POST',
      url: '/api/auth/logout',
    }),
  },
  'GET /api/auth/me': { who: 'signed_in' },
  'POST /api/auth/password': {
    who: 'signed_in',
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const created = await admin.post('/api/users', {
        email: 'byter.losen@lagesbild.local',
        name: 'Byter Lösen',
      });
      const client = await t.login('byter.losen@lagesbild.local', created.json().oneTimePassword);
      return {
        client,
        method: 'POST',
        url: '/api/auth/password',
        body: {
          currentPassword: created.json().oneTimePassword,
          newPassword: 'Nytt-och-långt-lösen-77',
        },
      };
    },
  },
  'GET /api/users': { who: 'system_admin' },
  'POST /api/users': {
    who: 'system_admin',
    write: async ({ as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: '/api/users',
      body: { email: 'ny.anvandare@lagesbild.local', name: 'Ny Användare' },
    }),
  },
  'PATCH /api/users/:userId': {
    who: 'system_admin',
    write: async ({ as, userId }) => ({
      client: await as(adminEmail),
      method: 'PATCH',
      url: `/api/users/${await userId(demoPeople.approver)}`,
      body: { version: 1, name: 'Anders Wik (godkännare)' },
    }),
  },
  'POST /api/users/:userId/password-reset': {
    who: 'system_admin',
    write: async ({ as }) => {
      const admin = await as(adminEmail);
      const created = await admin.post('/api/users', {
        email: 'glomsk@lagesbild.local',
        name: 'Glömsk',
      });
      return {
        client: admin,
        method: 'POST',
        url: `/api/users/${created.json().id}/password-reset`,
      };
    },
  },
  'GET /api/tokens': { who: 'signed_in' },
  'POST /api/tokens': {
    who: 'signed_in',
    write: async ({ as }) => ({
      client: await as(demoPeople.staff),
      method: 'POST',
      url: '/api/tokens',
      body: { name: 'Import av nyckeltal' },
    }),
  },
  'DELETE /api/tokens/:tokenId': {
    who: 'signed_in',
    write: async ({ as }) => {
      const staff = await as(demoPeople.staff);
      const token = await staff.post('/api/tokens', { name: 'Tillfällig' });
      return { client: staff, method: 'DELETE', url: `/api/tokens/${token.json().id}` };
    },
  },
  'GET /api/events': { who: 'signed_in' },
  'POST /api/events': {
    who: 'system_admin',
    write: async ({ as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: '/api/events',
      body: { name: 'Övning Vintervila', isExercise: true },
    }),
  },
  'GET /api/events/:eventId': { who: { roles: allRoles } },
  'PATCH /api/events/:eventId': {
    who: { roles: ['admin'] },
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'PATCH',
      url: `/api/events/${t.eventId}`,
      body: { version: 1, description: 'Uppdaterad beskrivning av händelsen.' },
    }),
  },
  'POST /api/events/:eventId/close': {
    who: { roles: ['admin'] },
    write: async ({ as }) => {
      const admin = await as(adminEmail);
      const event = await admin.post('/api/events', { name: 'Kort händelse' });
      return {
        client: admin,
        method: 'POST',
        url: `/api/events/${event.json().id}/close`,
        body: {
          version: event.json().version,
          override: true,
          reason: 'Kort övning utan rapport.',
        },
      };
    },
  },
  'GET /api/units': { who: 'signed_in' },
  'POST /api/units': {
    who: 'system_admin',
    write: async ({ as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: '/api/units',
      body: { code: 'VK', name: 'VästKom', kind: 'municipality' },
    }),
  },
  'PATCH /api/units/:unitId': {
    who: 'system_admin',
    write: async ({ as, unitId }) => ({
      client: await as(adminEmail),
      method: 'PATCH',
      url: `/api/units/${await unitId('RLM')}`,
      body: { version: 1, name: 'Regional laboratoriemedicin (RLM)' },
    }),
  },
  'GET /api/facilities': { who: 'signed_in' },
  'POST /api/units/:unitId/facilities': {
    who: 'system_admin',
    write: async ({ as, unitId }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/units/${await unitId('SÄS')}/facilities`,
      body: { code: 'SÄS-AVD-12', name: 'Avdelning 12', kind: 'ward' },
    }),
  },
  'PATCH /api/facilities/:facilityId': {
    who: 'system_admin',
    write: async ({ as, facilityId }) => ({
      client: await as(adminEmail),
      method: 'PATCH',
      url: `/api/facilities/${await facilityId('SÄS-AKM-SKENE')}`,
      body: { version: 1, name: 'Närakuten i Skene' },
    }),
  },
  'GET /api/events/:eventId/grants': { who: { roles: ['admin'] } },
  'GET /api/events/:eventId/grants/me': { who: { roles: allRoles } },
  'POST /api/events/:eventId/grants': {
    who: { roles: ['admin'] },
    write: async ({ t, as, userId }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/grants`,
      body: { userId: await userId(demoPeople.reader), role: 'communicator' },
    }),
  },
  'DELETE /api/events/:eventId/grants/:grantId': {
    who: { roles: ['admin'] },
    write: async ({ t, as, userId }) => {
      const admin = await as(adminEmail);
      const grant = await admin.post(`/api/events/${t.eventId}/grants`, {
        userId: await userId(demoPeople.staff),
        role: 'approver',
      });
      return {
        client: admin,
        method: 'DELETE',
        url: `/api/events/${t.eventId}/grants/${grant.json().id}`,
      };
    },
  },
  'GET /api/audit': { who: 'system_admin' },
  'GET /api/events/:eventId/audit': { who: { roles: ['admin'] } },
};
