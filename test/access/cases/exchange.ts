import type { RouteCases } from '../types.ts';
import { allRoles } from '../types.ts';

const insiders = [
  'admin',
  'staff',
  'unit_reporter',
  'communicator',
  'approver',
  'designer',
] as const;

export const cases: RouteCases = {
  'GET /r/:eventId/:number/sitrep.xml': { who: 'anyone' },
  'GET /r/:eventId/:number/intern/sitrep.xml': { who: { roles: [...insiders] } },
  'GET /api/events/:eventId/exchange/situations/:situationId/sitrep.xml': {
    who: { roles: allRoles },
  },
  'GET /api/events/:eventId/exchange/have.xml': { who: { roles: allRoles } },
  'GET /api/events/:eventId/exchange/fhir/MeasureReport': { who: { roles: allRoles } },
};
