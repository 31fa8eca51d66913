import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import { type PageRequest, type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db, Schema } from '../db/schema.ts';
import type { ActionState, ActionsTable } from './tables.ts';

export type ActionRow = Selectable<ActionsTable>;

/** States in which an action still has to be carried out, and so can be overdue. */
export const pendingStates: ActionState[] = ['open', 'in_progress'];

export interface ActionFilter {
  includeInternal: boolean;
  state?: ActionState;
  /** Only actions still to be carried out. */
  pending?: boolean;
  overdue?: boolean;
  unitId?: number;
  decisionId?: number;
  dueFrom?: string;
  dueTo?: string;
  now: string;
}

function filtered(db: Db, eventId: number, filter: ActionFilter) {
  let query = db.selectFrom('actions').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.pending) query = query.where('state', 'in', pendingStates);
  if (filter.unitId !== undefined) query = query.where('owner_unit_id', '=', filter.unitId);
  if (filter.decisionId !== undefined) query = query.where('decision_id', '=', filter.decisionId);
  if (filter.dueFrom) query = query.where('due_at', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('due_at', '<', filter.dueTo);
  if (filter.overdue !== undefined) {
    query = query.where((eb) =>
      filter.overdue ? isOverdue(eb, filter.now) : eb.not(isOverdue(eb, filter.now)),
    );
  }
  return query;
}

function isOverdue(eb: ExpressionBuilder<Schema, 'actions'>, now: string) {
  return eb.and([
    eb('state', 'in', pendingStates),
    eb('due_at', 'is not', null),
    eb('due_at', '<', now),
  ]);
}

/** Earliest due first; actions without a due date last. */
export function listActions(
  db: Db,
  eventId: number,
  filter: ActionFilter,
  page: PageRequest & { order: 'asc' | 'desc' },
): Promise<Rows<ActionRow>> {
  return fetchPage(
    filtered(db, eventId, filter),
    (query) =>
      query
        .selectAll()
        .orderBy((eb) => eb.case().when('due_at', 'is', null).then(1).else(0).end())
        .orderBy('due_at', page.order)
        .orderBy('id', page.order),
    page,
  );
}

export async function countActions(db: Db, eventId: number, filter: ActionFilter): Promise<number> {
  const { total } = await filtered(db, eventId, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export function listActionsOfDecision(
  db: Db,
  eventId: number,
  decisionId: number,
  includeInternal: boolean,
): Promise<ActionRow[]> {
  let query = db
    .selectFrom('actions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('decision_id', '=', decisionId);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('due_at').orderBy('id').execute();
}

/** Actions recorded in a meeting; earliest due first. */
export function listActionsOfMeeting(
  db: Db,
  eventId: number,
  meetingId: number,
  includeInternal: boolean,
): Promise<ActionRow[]> {
  let query = db
    .selectFrom('actions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('meeting_id', '=', meetingId);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('due_at').orderBy('id').execute();
}

export function findAction(db: Db, eventId: number, id: number): Promise<ActionRow | undefined> {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertAction(db: Db, row: Insertable<ActionsTable>): Promise<ActionRow> {
  return db.insertInto('actions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateAction(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<ActionRow, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>,
): Promise<ActionRow | undefined> {
  return updateVersioned(db, 'actions', id, expectedVersion, changes);
}

/** Actions still to be carried out that have not been handed over to anyone outside the staff. */
export function listPendingActionsWithoutHandover(db: Db, eventId: number): Promise<ActionRow[]> {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', 'in', pendingStates)
    .where((eb) => eb.or([eb('handover_to', 'is', null), eb('handover_to', '=', '')]))
    .orderBy('id')
    .execute();
}
