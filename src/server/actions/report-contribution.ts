import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { type ActionRow, listActions } from './repository.ts';

export type { ActionRow };

/**
 * What the actions give a report compiled at `at`: every action still to be carried out, and
 * those changed since `from` (internal ones too), oldest first, page after page.
 */
export async function actionsForReport(
  db: Db,
  eventId: number,
  window: { from: string; to: string },
): Promise<ActionRow[]> {
  const rows = await fetchAllPages((page) =>
    listActions(db, eventId, { includeInternal: true, now: window.to }, { ...page, order: 'asc' }),
  );
  return rows.filter(
    (row) => row.state === 'open' || row.state === 'in_progress' || row.updated_at >= window.from,
  );
}
