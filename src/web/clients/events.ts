// The events (src/server/events/).
import type { Event } from '../../contract/events.ts';
import type { EventOrigin } from '../../contract/setups.ts';
import { eventPath, request } from '../api.ts';

export const eventsApi = {
  list: () => request<{ items: Event[] }>('GET', '/api/events'),
  get: (eventId: number) => request<Event>('GET', eventPath(eventId)),
  create: (input: {
    name: string;
    description: string;
    isExercise: boolean;
    origin: EventOrigin;
  }) => request<Event>('POST', '/api/events', input),
};
