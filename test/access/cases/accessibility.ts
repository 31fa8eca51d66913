import type { RouteCases } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/accessibility': { who: 'anyone' },
};
