import { type RouteCases, allRoles } from '../types.ts';

export const cases: RouteCases = {
  'GET /api/events/:eventId/search': { who: { roles: allRoles } },
  'GET /api/events/:eventId/stream': { who: { roles: allRoles }, streaming: true },
};
