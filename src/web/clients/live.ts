// The event's server-sent change stream (src/server/live/).
import { eventPath } from '../api.ts';

export const liveApi = {
  streamUrl: (eventId: number) => `${eventPath(eventId)}/stream`,
};
