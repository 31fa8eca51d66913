import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { type DecisionRow, findDecision, listDecisions } from './repository.ts';

export type { DecisionRow };

/**
 * What the decisions give a report: every decision taken in the report's window (internal ones
 * too; the report splits them by audience), oldest first, page after page so none is left out;
 * and, by id, the decisions behind the milestone moves it shows.
 */
export function decisionsForReport(db: Db, eventId: number) {
  return {
    inWindow: (window: { from: string; to: string }): Promise<DecisionRow[]> =>
      fetchAllPages((page) =>
        listDecisions(
          db,
          eventId,
          { includeInternal: true, from: window.from, to: window.to },
          { ...page, order: 'asc' },
        ),
      ),
    byIds: async (ids: Iterable<number>): Promise<Map<number, DecisionRow>> => {
      const found = new Map<number, DecisionRow>();
      for (const id of new Set(ids)) {
        const decision = await findDecision(db, eventId, id);
        if (decision) found.set(id, decision);
      }
      return found;
    },
  };
}
