// The audit trail, of one event or of the whole installation (src/server/audit/).
import type { AuditPage } from '../../contract/audit.ts';
import { type Query, eventPath, request } from '../api.ts';

export const auditApi = {
  list: (eventId: number | null, query: Query) =>
    request<AuditPage>(
      'GET',
      eventId ? `${eventPath(eventId)}/audit` : '/api/audit',
      undefined,
      query,
    ),
};
