import type { RouteCases } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/me/next': { who: 'signed_in' },
};
