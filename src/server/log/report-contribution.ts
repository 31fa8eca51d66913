import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { userNamesByIds } from '../users/service.ts';
import { type LogEntryRow, listLogEntries } from './repository.ts';

export type { LogEntryRow };

/**
 * What the log gives a report: the entries made in its window (internal ones too; the report
 * splits them by audience) that were not struck by the time it was compiled, oldest first, page
 * after page, with the names of their authors by user id.
 */
export async function logForReport(
  db: Db,
  eventId: number,
  window: { from: string; to: string },
): Promise<{ entries: LogEntryRow[]; authors: Map<number, string> }> {
  const rows = await fetchAllPages((page) =>
    listLogEntries(
      db,
      eventId,
      { includeInternal: true, from: window.from, to: window.to },
      { ...page, order: 'asc' },
    ),
  );
  const entries = rows.filter((row) => row.struck_at === null || row.struck_at > window.to);
  return {
    entries,
    authors: await userNamesByIds(
      db,
      entries.map((row) => row.created_by),
    ),
  };
}
