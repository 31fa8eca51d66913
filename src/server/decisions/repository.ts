import { type Insertable, type Selectable, sql } from 'kysely';
import { type PageRequest, type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { DecisionsTable } from './tables.ts';

export type DecisionRow = Selectable<DecisionsTable>;

export interface DecisionFilter {
  includeInternal: boolean;
  from?: string;
  to?: string;
  forum?: string;
  q?: string;
}

function filtered(db: Db, eventId: number, filter: DecisionFilter) {
  let query = db.selectFrom('decisions').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (filter.from) query = query.where('decided_at', '>=', filter.from);
  if (filter.to) query = query.where('decided_at', '<', filter.to);
  if (filter.forum) query = query.where('forum', '=', filter.forum);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or(
        (['text', 'mandate', 'rationale', 'forum'] as const).map(
          (column) => sql<boolean>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return query;
}

export function listDecisions(
  db: Db,
  eventId: number,
  filter: DecisionFilter,
  page: PageRequest & { order: 'asc' | 'desc' },
): Promise<Rows<DecisionRow>> {
  return fetchPage(
    filtered(db, eventId, filter),
    (query) => query.selectAll().orderBy('decided_at', page.order).orderBy('id', page.order),
    page,
  );
}

export function findDecision(
  db: Db,
  eventId: number,
  id: number,
): Promise<DecisionRow | undefined> {
  return db
    .selectFrom('decisions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Decisions recorded in a meeting, in the order they were made. */
export function listDecisionsOfMeeting(
  db: Db,
  eventId: number,
  meetingId: number,
  includeInternal: boolean,
): Promise<DecisionRow[]> {
  let query = db
    .selectFrom('decisions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('meeting_id', '=', meetingId);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('decided_at').orderBy('id').execute();
}

export function insertDecision(db: Db, row: Insertable<DecisionsTable>): Promise<DecisionRow> {
  return db.insertInto('decisions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateDecision(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<DecisionRow, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>,
): Promise<DecisionRow | undefined> {
  return updateVersioned(db, 'decisions', id, expectedVersion, changes);
}

export async function diversionIdsOf(
  db: Db,
  decisionIds: number[],
): Promise<Map<number, number[]>> {
  const links = new Map<number, number[]>(decisionIds.map((id) => [id, []]));
  if (decisionIds.length === 0) return links;
  const rows = await db
    .selectFrom('decision_diversions')
    .selectAll()
    .where('decision_id', 'in', decisionIds)
    .orderBy('diversion_id')
    .execute();
  for (const row of rows) links.get(row.decision_id)!.push(row.diversion_id);
  return links;
}

export async function replaceDiversionLinks(
  db: Db,
  decisionId: number,
  diversionIds: number[],
): Promise<void> {
  await db.deleteFrom('decision_diversions').where('decision_id', '=', decisionId).execute();
  if (diversionIds.length === 0) return;
  await db
    .insertInto('decision_diversions')
    .values(diversionIds.map((diversion_id) => ({ decision_id: decisionId, diversion_id })))
    .execute();
}

/** Every decision matching the filter, oldest first (the after-action timeline). */
export function allDecisions(
  db: Db,
  eventId: number,
  filter: DecisionFilter,
): Promise<DecisionRow[]> {
  return filtered(db, eventId, filter).selectAll().orderBy('decided_at').orderBy('id').execute();
}
