import type { EventUnit } from '../../contract/event-units.ts';
import type { Db } from '../db/schema.ts';
import { eventUnitsInOrder } from './service.ts';

export type { EventUnit };

/** What the event's units give a report: its units depth first, in its order. */
export function eventUnitsForReport(db: Db, eventId: number): Promise<EventUnit[]> {
  return eventUnitsInOrder(db, eventId);
}
