// The event's readiness level (src/server/readiness/).
import type { ReadinessOverview } from '../../contract/readiness.ts';
import { eventPath, request } from '../api.ts';

export const readinessApi = {
  overview: (eventId: number) =>
    request<ReadinessOverview>('GET', `${eventPath(eventId)}/readiness`),
};
