import type { RouteCases } from '../types.ts';

export const cases: RouteCases = {
  'GET /': { who: 'anyone' },
  'GET /*': { who: 'anyone' },
};
