// Closing and reopening an event, and the checklist before closing (src/server/closing/).
import type { ChecklistItem } from '../../contract/closing.ts';
import type { Event } from '../../contract/events.ts';
import { eventPath, request } from '../api.ts';

export const closingApi = {
  close: (
    eventId: number,
    input: { version: number; closedAt?: string; override: boolean; reason: string },
  ) => request<Event>('POST', `${eventPath(eventId)}/close`, input),
  reopen: (eventId: number, version: number, reason: string) =>
    request<Event>('POST', `${eventPath(eventId)}/reopen`, { version, reason }),
  checklist: (eventId: number) =>
    request<{ items: ChecklistItem[]; ready: boolean }>(
      'GET',
      `${eventPath(eventId)}/closing-checklist`,
    ),
};
