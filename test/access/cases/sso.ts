import { adminEmail, demoPeople } from '../../support/app.ts';
import type { RouteCases } from '../types.ts';

const mapping = { target: 'system_admin', group: 'lagesbild-systemforvaltning' };
const identity = (userId: number, subject: string) => ({
  userId,
  subject,
  issuer: 'https://idp.regionen.example.se',
});

export const cases: RouteCases = {
  'GET /api/auth/options': { who: 'anyone' },
  'GET /auth/oidc/login': { who: 'anyone' },
  'GET /auth/oidc/callback': { who: 'anyone' },
  'GET /api/sso/mappings': { who: 'system_admin' },
  'POST /api/sso/mappings': {
    who: 'system_admin',
    write: async ({ as }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: '/api/sso/mappings',
      body: mapping,
    }),
  },
  'DELETE /api/sso/mappings/:mappingId': {
    who: 'system_admin',
    write: async ({ t, as }) => {
      const admin = await as(adminEmail);
      const created = await admin.post('/api/sso/mappings', {
        target: 'event',
        group: 'lagesbild-lasare',
        eventId: t.eventId,
        role: 'reader',
      });
      return { client: admin, method: 'DELETE', url: `/api/sso/mappings/${created.json().id}` };
    },
  },
  'GET /api/sso/identities': { who: 'system_admin' },
  'POST /api/sso/identities': {
    who: 'system_admin',
    write: async ({ as, userId }) => ({
      client: await as(adminEmail),
      method: 'POST',
      url: '/api/sso/identities',
      body: identity(await userId(demoPeople.communicator), 'petra-dahl-1'),
    }),
  },
  'DELETE /api/sso/identities/:identityId': {
    who: 'system_admin',
    write: async ({ as, userId }) => {
      const admin = await as(adminEmail);
      const created = await admin.post(
        '/api/sso/identities',
        identity(await userId(demoPeople.approver), 'anders-wik-1'),
      );
      return { client: admin, method: 'DELETE', url: `/api/sso/identities/${created.json().id}` };
    },
  },
};
