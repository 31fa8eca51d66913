// The library of event set-ups, and an event's own set-up (src/server/setups/).
import type { SetupDetail, SetupSummary } from '../../contract/setups.ts';
import { eventPath, request, withQuery } from '../api.ts';

export const setupsApi = {
  list: () => request<{ items: SetupSummary[] }>('GET', '/api/setups'),
  import: (setup: unknown) => request<SetupDetail>('POST', '/api/setups', { setup }),
  remove: (setupId: number, version: number) =>
    request<null>('DELETE', withQuery(`/api/setups/${setupId}`, { version })),
  fileUrl: (setupId: number) => `/api/setups/${setupId}/file`,
  eventFileUrl: (eventId: number) => `${eventPath(eventId)}/setup/file`,
  saveEvent: (eventId: number, naming: { name: string; description: string }) =>
    request<SetupDetail>('POST', `${eventPath(eventId)}/setup`, naming),
};
