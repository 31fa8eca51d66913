import type { Actor } from '../http/actor.ts';

/** What the capability demos need to know about the demo installation being loaded. */
export interface DemoContext {
  eventId: number;
  unitIds: Map<string, number>;
  facilityIds: Map<string, number>;
  userIds: Map<string, number>;
  actorFor(email: string): Actor;
}
