import type { Insertable, Selectable } from 'kysely';
import { type PageRequest, type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { LogEntriesTable } from './tables.ts';

export type LogEntryRow = Selectable<LogEntriesTable>;

export interface LogFilter {
  includeInternal: boolean;
  from?: string;
  to?: string;
  significant?: boolean;
}

function filtered(db: Db, eventId: number, filter: LogFilter) {
  let query = db.selectFrom('log_entries').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.significant !== undefined)
    query = query.where('significant', '=', filter.significant ? 1 : 0);
  return query;
}

/** Struck entries are listed too: the journal shows what was struck and why. */
export function listLogEntries(
  db: Db,
  eventId: number,
  filter: LogFilter,
  page: PageRequest & { order: 'asc' | 'desc' },
): Promise<Rows<LogEntryRow>> {
  return fetchPage(
    filtered(db, eventId, filter),
    (query) => query.selectAll().orderBy('occurred_at', page.order).orderBy('id', page.order),
    page,
  );
}

/** Every entry matching the filter, struck ones included, oldest first. */
export function allLogEntries(db: Db, eventId: number, filter: LogFilter): Promise<LogEntryRow[]> {
  return filtered(db, eventId, filter).selectAll().orderBy('occurred_at').orderBy('id').execute();
}

export function findLogEntry(
  db: Db,
  eventId: number,
  id: number,
): Promise<LogEntryRow | undefined> {
  return db
    .selectFrom('log_entries')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertLogEntry(db: Db, row: Insertable<LogEntriesTable>): Promise<LogEntryRow> {
  return db.insertInto('log_entries').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateLogEntry(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<LogEntryRow, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>,
): Promise<LogEntryRow | undefined> {
  return updateVersioned(db, 'log_entries', id, expectedVersion, changes);
}
