import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { presentProvenance } from '../db/provenance.ts';
import { eventTimeZone, periodZoneOf } from '../events/service.ts';
import type { Db } from '../db/schema.ts';
import { findDecision } from '../decisions/repository.ts';
import type { CsvExport } from '../http/csv.ts';
import { unitNames } from '../units/service.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findMeeting } from '../meetings/repository.ts';
import { indexForSearch } from '../search/index-document.ts';
import { findUnit } from '../units/repository.ts';
import {
  type ActionFilter,
  type ActionRow,
  countActions,
  findAction,
  insertAction,
  listActions,
  pendingStates,
  updateAction,
} from './repository.ts';
import type {
  Action,
  ActionSummary,
  actionExportQuery,
  actionListQuery,
  createActionBody,
  updateActionBody,
} from '../../contract/actions.ts';
import type { Page } from '../../contract/list.ts';
import { isoInstant, periodRange } from '../../core/time.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { actionCsvColumns } from './csv.ts';

export function isOverdue(row: ActionRow, now = new Date().toISOString()): boolean {
  return pendingStates.includes(row.state) && row.due_at !== null && row.due_at < now;
}

export function presentAction(row: ActionRow, now = new Date().toISOString()): Action {
  return {
    id: row.id,
    eventId: row.event_id,
    text: row.text,
    owner: { name: row.owner_name, unitId: row.owner_unit_id },
    dueAt: row.due_at,
    state: row.state,
    overdue: isOverdue(row, now),
    decisionId: row.decision_id,
    meetingId: row.meeting_id,
    handoverTo: row.handover_to,
    internal: row.internal === 1,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

type ActionListQuery = z.infer<typeof actionListQuery>;

function filterOf(
  query: Omit<ActionListQuery, 'limit' | 'offset'>,
  includeInternal: boolean,
  now: string,
  zone: string,
): ActionFilter {
  const { state, overdue, unitId, decisionId, period } = query;
  const due = period && periodRange(period, zone);
  return {
    includeInternal,
    state,
    overdue,
    unitId,
    decisionId,
    now,
    ...(due && { dueFrom: due.from, dueTo: due.to }),
  };
}

/** One page of the event's actions, earliest due first, filtered as the query says. */
export async function actionPage(
  db: Db,
  eventId: number,
  query: ActionListQuery,
  includeInternal: boolean,
): Promise<Page<Action>> {
  const now = new Date().toISOString();
  const zone = await periodZoneOf(db, eventId, query.period);
  const filter = filterOf(query, includeInternal, now, zone);
  return answerPage(
    query,
    (page) => listActions(db, eventId, filter, page),
    (rows) => rows.map((row) => presentAction(row, now)),
  );
}

/** Every action the filter matches, for an export with the names of their units. */
export async function actionExport(
  db: Db,
  eventId: number,
  query: z.infer<typeof actionExportQuery>,
  includeInternal: boolean,
): Promise<CsvExport<Action>> {
  const now = new Date().toISOString();
  const zone = await periodZoneOf(db, eventId, query.period);
  const filter = filterOf(query, includeInternal, now, zone);
  const rows = await fetchAllPages((page) =>
    listActions(db, eventId, filter, { ...page, order: query.order }),
  );
  const items = rows.map((row) => presentAction(row, now));
  return {
    name: 'åtgärder',
    columns: actionCsvColumns(await unitNames(db)),
    items,
    timeZone: await eventTimeZone(db, eventId),
  };
}

const nextActionCount = 4;

/**
 * How many actions are pending and overdue, and the next few pending ones. Pending actions are
 * listed by due date, so the overdue ones come first.
 */
export async function actionSummary(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<ActionSummary> {
  const now = new Date().toISOString();
  const visible = { includeInternal, now };
  const [pending, overdue] = await Promise.all([
    listActions(
      db,
      eventId,
      { ...visible, pending: true },
      { limit: nextActionCount, offset: 0, order: 'asc' },
    ),
    countActions(db, eventId, { ...visible, overdue: true }),
  ]);
  return {
    open: pending.total,
    overdue,
    next: pending.rows.map((row) => presentAction(row, now)),
  };
}

export async function createAction(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createActionBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, eventId, input);
    refuseMissingOwner(input.ownerName, input.ownerUnitId);
    const now = new Date().toISOString();
    const action = await insertAction(trx, {
      event_id: eventId,
      text: input.text,
      owner_name: input.ownerName,
      owner_unit_id: input.ownerUnitId,
      due_at: input.dueAt && isoInstant(input.dueAt),
      state: input.state,
      decision_id: input.decisionId,
      meeting_id: input.meetingId,
      handover_to: input.handoverTo ?? null,
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      source,
      updated_by: actor.userId,
      updated_at: now,
    });
    await index(trx, action);
    await recordAudit(trx, actor, {
      action: 'action.create',
      entityType: 'action',
      entityId: action.id,
      eventId,
      after: action,
    });
    return presentAction(action);
  });
}

export async function changeAction(
  db: Db,
  actor: Actor,
  eventId: number,
  actionId: number,
  input: z.infer<typeof updateActionBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findAction(trx, eventId, actionId);
    if (!before) throw errors.notFound('Åtgärden');
    await checkReferences(trx, eventId, input);
    refuseMissingOwner(
      input.ownerName !== undefined ? input.ownerName : before.owner_name,
      input.ownerUnitId !== undefined ? input.ownerUnitId : before.owner_unit_id,
    );
    const updated = await updateAction(trx, actionId, input.version, {
      ...(input.text !== undefined && { text: input.text }),
      ...(input.ownerName !== undefined && { owner_name: input.ownerName }),
      ...(input.ownerUnitId !== undefined && { owner_unit_id: input.ownerUnitId }),
      ...(input.dueAt !== undefined && { due_at: input.dueAt && isoInstant(input.dueAt) }),
      ...(input.state !== undefined && { state: input.state }),
      ...(input.decisionId !== undefined && { decision_id: input.decisionId }),
      ...(input.meetingId !== undefined && { meeting_id: input.meetingId }),
      ...(input.handoverTo !== undefined && { handover_to: input.handoverTo }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentAction(before));
    await index(trx, updated);
    await recordAudit(trx, actor, {
      action: 'action.update',
      entityType: 'action',
      entityId: actionId,
      eventId,
      before,
      after: updated,
    });
    return presentAction(updated);
  });
}

async function checkReferences(
  trx: Db,
  eventId: number,
  input: { ownerUnitId?: number | null; decisionId?: number | null; meetingId?: number | null },
): Promise<void> {
  if (input.ownerUnitId && !(await findUnit(trx, input.ownerUnitId))) {
    throw errors.badRequest('Enheten finns inte.', { field: 'ownerUnitId' });
  }
  if (input.decisionId && !(await findDecision(trx, eventId, input.decisionId))) {
    throw errors.badRequest('Beslutet finns inte i den här händelsen.', { field: 'decisionId' });
  }
  if (input.meetingId && !(await findMeeting(trx, eventId, input.meetingId))) {
    throw errors.badRequest('Mötet finns inte i den här händelsen.', { field: 'meetingId' });
  }
}

function refuseMissingOwner(ownerName: string | null, ownerUnitId: number | null): void {
  if (ownerName === null && ownerUnitId === null) {
    throw errors.badRequest('Ange en ansvarig person eller enhet.', { field: 'ownerName' });
  }
}

function index(trx: Db, action: ActionRow): Promise<void> {
  return indexForSearch(trx, {
    eventId: action.event_id,
    kind: 'action',
    entityId: action.id,
    unitId: action.owner_unit_id,
    title: action.owner_name ?? '',
    body: action.text,
    internal: action.internal === 1,
    at: action.due_at ?? action.created_at,
  });
}
