import { adminEmail } from '../../support/app.ts';
import type { AuditContext, RouteCases, WriteRequest } from '../types.ts';

const fileSetup = {
  format: 'lagesbild.event-setup',
  formatVersion: 1,
  name: 'Prov av behörigheter',
  rules: { fourEyes: true },
  reportTemplates: [
    {
      name: 'Kort rapport',
      kind: 'weekly',
      sections: [{ key: 'lage', title: 'Läget', kind: 'text' }],
    },
  ],
};

async function importedSetup({ as }: AuditContext) {
  const admin = await as(adminEmail);
  const setup = (await admin.post('/api/setups', { setup: fileSetup })).json();
  return { admin, setup };
}

async function changeOne(context: AuditContext): Promise<WriteRequest> {
  const { admin, setup } = await importedSetup(context);
  return {
    client: admin,
    method: 'PUT',
    url: `/api/setups/${setup.id}`,
    body: { version: setup.version, setup: { ...fileSetup, name: 'Omdöpt prov' } },
  };
}

async function removeOne(context: AuditContext): Promise<WriteRequest> {
  const { admin, setup } = await importedSetup(context);
  return {
    client: admin,
    method: 'DELETE',
    url: `/api/setups/${setup.id}?version=${setup.version}`,
  };
}

export const cases: RouteCases = {
  'GET /api/setups': { who: 'system_admin' },
  'POST /api/setups': {
    who: 'system_admin',
    write: async ({ as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: '/api/setups',
      body: { setup: fileSetup },
    }),
  },
  'GET /api/setups/:setupId': { who: 'system_admin' },
  'GET /api/setups/:setupId/file': { who: 'system_admin' },
  'PUT /api/setups/:setupId': { who: 'system_admin', write: changeOne },
  'DELETE /api/setups/:setupId': { who: 'system_admin', write: removeOne },
  'GET /api/events/:eventId/setup/file': { who: { roles: ['admin'] } },
  'POST /api/events/:eventId/setup': {
    who: 'system_admin',
    write: async ({ t, as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: `/api/events/${t.eventId}/setup`,
      body: { name: 'Sparad för prov' },
    }),
  },
};
