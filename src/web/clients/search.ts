// Searching the whole event (src/server/search/).
import type { SearchHit, SearchResults } from '../../contract/search.ts';
import { eventPath, request } from '../api.ts';

export const searchApi = {
  search: (eventId: number, q: string) =>
    request<SearchResults>('GET', `${eventPath(eventId)}/search`, undefined, { q, limit: 100 }),
};

/**
 * Where a hit lives in the web app; null for a kind this app has no screen for. A report's
 * workflow page is only for those who may read internal text (`mayOpenReports`); others get
 * its published page.
 */
export function placeOf(eventId: number, hit: SearchHit, mayOpenReports: boolean): string | null {
  const event = `/events/${eventId}`;
  switch (hit.kind) {
    case 'log_entry':
      return `${event}/log`;
    case 'decision':
      return `${event}/decisions`;
    case 'action':
      return `${event}/actions`;
    case 'meeting':
      return `${event}/meetings/${hit.id}`;
    case 'communication_activity':
      return `${event}/communication`;
    case 'unit_situation':
      return hit.unitId ? `${event}/report?unit=${hit.unitId}` : `${event}/report`;
    case 'report':
      return mayOpenReports ? `${event}/reports/${hit.id}` : hit.publishedPath;
    case 'lesson':
      return `${event}/review`;
    default:
      return null;
  }
}

/** The kinds a hit can be, each with its own label. */
export const hitKinds = [
  'log_entry',
  'decision',
  'action',
  'meeting',
  'communication_activity',
  'unit_situation',
  'report',
  'lesson',
] as const;
