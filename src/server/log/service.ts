import type { z } from 'zod';
import type { Page } from '../../contract/list.ts';
import type {
  LogEntry,
  createLogEntryBody,
  logExportQuery,
  logListQuery,
  strikeLogEntryBody,
  updateLogEntryBody,
} from '../../contract/log.ts';
import { filterRange } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { presentProvenance } from '../db/provenance.ts';
import { eventTimeZone, periodZoneOf } from '../events/service.ts';
import type { CsvExport } from '../http/csv.ts';
import { logCsvColumns } from './csv.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { indexForSearch } from '../search/index-document.ts';
import {
  type LogEntryRow,
  type LogFilter,
  findLogEntry,
  insertLogEntry,
  listLogEntries,
  updateLogEntry,
} from './repository.ts';

export function presentLogEntry(row: LogEntryRow): LogEntry {
  return {
    id: row.id,
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    text: row.text,
    source: row.information_source,
    significant: row.significant === 1,
    internal: row.internal === 1,
    struck:
      row.struck_at === null
        ? null
        : { at: row.struck_at, by: row.struck_by, reason: row.strike_reason },
    provenance: presentProvenance(row),
    version: row.version,
  };
}

type LogListQuery = z.infer<typeof logListQuery>;

function filterOf(
  query: Omit<LogListQuery, 'limit' | 'offset'>,
  includeInternal: boolean,
  zone: string,
): LogFilter {
  return { includeInternal, significant: query.significant, ...filterRange(query, zone) };
}

/** One page of the event's journal, struck entries included, filtered as the query says. */
export async function logEntryPage(
  db: Db,
  eventId: number,
  query: LogListQuery,
  includeInternal: boolean,
): Promise<Page<LogEntry>> {
  const filter = filterOf(query, includeInternal, await periodZoneOf(db, eventId, query.period));
  return answerPage(
    query,
    (page) => listLogEntries(db, eventId, filter, page),
    (rows) => rows.map(presentLogEntry),
  );
}

/** Every entry the filter matches, for an export. */
export async function logExport(
  db: Db,
  eventId: number,
  query: z.infer<typeof logExportQuery>,
  includeInternal: boolean,
): Promise<CsvExport<LogEntry>> {
  const timeZone = await eventTimeZone(db, eventId);
  const filter = filterOf(query, includeInternal, timeZone);
  const rows = await fetchAllPages((page) =>
    listLogEntries(db, eventId, filter, { ...page, order: query.order }),
  );
  return { name: 'loggbok', columns: logCsvColumns, items: rows.map(presentLogEntry), timeZone };
}

export async function createLogEntry(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createLogEntryBody>,
  provenanceSource = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const entry = await insertLogEntry(trx, {
      event_id: eventId,
      occurred_at: new Date(input.occurredAt).toISOString(),
      text: input.text,
      information_source: input.source,
      significant: input.significant ? 1 : 0,
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      source: provenanceSource,
      updated_by: actor.userId,
      updated_at: now,
    });
    await index(trx, entry);
    await recordAudit(trx, actor, {
      action: 'log_entry.create',
      entityType: 'log_entry',
      entityId: entry.id,
      eventId,
      after: entry,
    });
    return presentLogEntry(entry);
  });
}

export async function correctLogEntry(
  db: Db,
  actor: Actor,
  eventId: number,
  entryId: number,
  input: z.infer<typeof updateLogEntryBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await loadUnstruck(trx, eventId, entryId);
    const updated = await updateLogEntry(trx, entryId, input.version, {
      ...(input.occurredAt !== undefined && {
        occurred_at: new Date(input.occurredAt).toISOString(),
      }),
      ...(input.text !== undefined && { text: input.text }),
      ...(input.source !== undefined && { information_source: input.source }),
      ...(input.significant !== undefined && { significant: input.significant ? 1 : 0 }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentLogEntry(before));
    await index(trx, updated);
    await recordAudit(trx, actor, {
      action: 'log_entry.update',
      entityType: 'log_entry',
      entityId: entryId,
      eventId,
      before,
      after: updated,
    });
    return presentLogEntry(updated);
  });
}

export async function strikeLogEntry(
  db: Db,
  actor: Actor,
  eventId: number,
  entryId: number,
  input: z.infer<typeof strikeLogEntryBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await loadUnstruck(trx, eventId, entryId);
    const now = new Date().toISOString();
    const updated = await updateLogEntry(trx, entryId, input.version, {
      struck_at: now,
      struck_by: actor.userId,
      strike_reason: input.reason,
      updated_by: actor.userId,
      updated_at: now,
    });
    if (!updated) throw errors.conflict(presentLogEntry(before));
    await recordAudit(trx, actor, {
      action: 'log_entry.strike',
      entityType: 'log_entry',
      entityId: entryId,
      eventId,
      before,
      after: updated,
    });
    return presentLogEntry(updated);
  });
}

/** A struck entry is kept as it was when struck; it can no longer be corrected. */
async function loadUnstruck(db: Db, eventId: number, entryId: number): Promise<LogEntryRow> {
  const entry = await findLogEntry(db, eventId, entryId);
  if (!entry) throw errors.notFound('Anteckningen');
  if (entry.struck_at !== null) {
    throw errors.wrongState('Anteckningen är struken och kan inte ändras.');
  }
  return entry;
}

function index(trx: Db, entry: LogEntryRow): Promise<void> {
  return indexForSearch(trx, {
    eventId: entry.event_id,
    kind: 'log_entry',
    entityId: entry.id,
    title: entry.information_source,
    body: entry.text,
    internal: entry.internal === 1,
    at: entry.occurred_at,
  });
}
