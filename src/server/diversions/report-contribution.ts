import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { type DiversionRow, listDiversions } from './repository.ts';

export type { DiversionRow };

/** What the diversions give a report: every diversion in force at some moment of its window. */
export function diversionsForReport(
  db: Db,
  eventId: number,
  window: { from: string; to: string },
): Promise<DiversionRow[]> {
  return fetchAllPages((page) =>
    listDiversions(
      db,
      eventId,
      { state: 'all', at: window.to, from: window.from, to: window.to },
      { includeInternal: true },
      { ...page, order: 'asc' },
    ),
  );
}
