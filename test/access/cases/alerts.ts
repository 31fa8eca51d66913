import { demoPeople } from '../../support/app.ts';
import type { RouteCases } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/me/alerts': { who: 'signed_in' },
  'GET /api/me/alert-choices': { who: 'signed_in' },
  'PUT /api/me/alert-choices': {
    who: 'signed_in',
    write: async ({ as }) => ({
      client: await as(demoPeople.reader),
      method: 'PUT',
      url: '/api/me/alert-choices',
      body: { items: [{ kind: 'diversion', email: false, sms: false }] },
    }),
  },
};
