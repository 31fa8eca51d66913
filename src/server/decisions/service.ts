import type { z } from 'zod';
import type {
  Decision,
  DecisionWithActions,
  createDecisionBody,
  decisionExportQuery,
  decisionListQuery,
  updateDecisionBody,
} from '../../contract/decisions.ts';
import type { Page } from '../../contract/list.ts';
import { isoInstant, filterRange } from '../../core/time.ts';
import { listActionsOfDecision } from '../actions/repository.ts';
import { presentAction } from '../actions/service.ts';
import { recordAudit } from '../audit/record.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { presentProvenance } from '../db/provenance.ts';
import { eventTimeZone, periodZoneOf } from '../events/service.ts';
import type { CsvExport } from '../http/csv.ts';
import { decisionCsvColumns } from './csv.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findMeeting } from '../meetings/repository.ts';
import { indexForSearch } from '../search/index-document.ts';
import {
  type DecisionFilter,
  type DecisionRow,
  diversionIdsOf,
  findDecision,
  insertDecision,
  listDecisions,
  replaceDiversionLinks,
  updateDecision,
} from './repository.ts';

export function presentDecision(row: DecisionRow, diversionIds: number[]): Decision {
  return {
    id: row.id,
    eventId: row.event_id,
    decidedAt: row.decided_at,
    forum: row.forum,
    mandate: row.mandate,
    text: row.text,
    rationale: row.rationale,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    internal: row.internal === 1,
    diversionIds,
    meetingId: row.meeting_id,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

type DecisionListQuery = z.infer<typeof decisionListQuery>;

function filterOf(
  query: Omit<DecisionListQuery, 'limit' | 'offset'>,
  includeInternal: boolean,
  zone: string,
): DecisionFilter {
  const { forum, q } = query;
  return { includeInternal, forum, q, ...filterRange(query, zone) };
}

async function presentAll(db: Db, rows: DecisionRow[]): Promise<Decision[]> {
  const links = await diversionIdsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentDecision(row, links.get(row.id)!));
}

/** One page of the event's decisions, filtered as the query says. */
export async function decisionPage(
  db: Db,
  eventId: number,
  query: DecisionListQuery,
  includeInternal: boolean,
): Promise<Page<Decision>> {
  const filter = filterOf(query, includeInternal, await periodZoneOf(db, eventId, query.period));
  return answerPage(
    query,
    (page) => listDecisions(db, eventId, filter, page),
    (rows) => presentAll(db, rows),
  );
}

/** Every decision the filter matches, for an export. */
export async function decisionExport(
  db: Db,
  eventId: number,
  query: z.infer<typeof decisionExportQuery>,
  includeInternal: boolean,
): Promise<CsvExport<Decision>> {
  const timeZone = await eventTimeZone(db, eventId);
  const filter = filterOf(query, includeInternal, timeZone);
  const rows = await fetchAllPages((page) =>
    listDecisions(db, eventId, filter, { ...page, order: query.order }),
  );
  const items = await presentAll(db, rows);
  return { name: 'beslut', columns: decisionCsvColumns, items, timeZone };
}

/** One decision and the actions that carry it out; internal ones only for those who may read them. */
export async function decisionWithActions(
  db: Db,
  eventId: number,
  decisionId: number,
  includeInternal: boolean,
): Promise<DecisionWithActions> {
  const decision = await findDecision(db, eventId, decisionId);
  if (!decision || (decision.internal === 1 && !includeInternal)) {
    throw errors.notFound('Beslutet');
  }
  const links = await diversionIdsOf(db, [decisionId]);
  const actions = await listActionsOfDecision(db, eventId, decisionId, includeInternal);
  return {
    ...presentDecision(decision, links.get(decisionId)!),
    actions: actions.map((action) => presentAction(action)),
  };
}

export async function createDecision(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createDecisionBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    const decidedAt = isoInstant(input.decidedAt);
    const effectiveFrom = input.effectiveFrom ? isoInstant(input.effectiveFrom) : decidedAt;
    const effectiveTo = input.effectiveTo ? isoInstant(input.effectiveTo) : null;
    refuseEndBeforeStart(effectiveFrom, effectiveTo);
    await checkMeeting(trx, eventId, input.meetingId);
    const now = new Date().toISOString();
    const decision = await insertDecision(trx, {
      event_id: eventId,
      decided_at: decidedAt,
      forum: input.forum,
      mandate: input.mandate,
      text: input.text,
      rationale: input.rationale,
      effective_from: effectiveFrom,
      effective_to: effectiveTo,
      internal: input.internal ? 1 : 0,
      meeting_id: input.meetingId,
      created_by: actor.userId,
      created_at: now,
      source,
      updated_by: actor.userId,
      updated_at: now,
    });
    const diversionIds = unique(input.diversionIds);
    await replaceDiversionLinks(trx, decision.id, diversionIds);
    await index(trx, decision);
    await recordAudit(trx, actor, {
      action: 'decision.create',
      entityType: 'decision',
      entityId: decision.id,
      eventId,
      after: { ...decision, diversion_ids: diversionIds },
    });
    return presentDecision(decision, diversionIds);
  });
}

export async function changeDecision(
  db: Db,
  actor: Actor,
  eventId: number,
  decisionId: number,
  input: z.infer<typeof updateDecisionBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findDecision(trx, eventId, decisionId);
    if (!before) throw errors.notFound('Beslutet');
    const linksBefore = (await diversionIdsOf(trx, [decisionId])).get(decisionId)!;
    const effectiveFrom =
      input.effectiveFrom !== undefined ? isoInstant(input.effectiveFrom) : before.effective_from;
    const effectiveTo =
      input.effectiveTo !== undefined
        ? input.effectiveTo && isoInstant(input.effectiveTo)
        : before.effective_to;
    refuseEndBeforeStart(effectiveFrom, effectiveTo);
    if (input.meetingId !== undefined) await checkMeeting(trx, eventId, input.meetingId);
    const updated = await updateDecision(trx, decisionId, input.version, {
      ...(input.decidedAt !== undefined && { decided_at: isoInstant(input.decidedAt) }),
      ...(input.forum !== undefined && { forum: input.forum }),
      ...(input.mandate !== undefined && { mandate: input.mandate }),
      ...(input.text !== undefined && { text: input.text }),
      ...(input.rationale !== undefined && { rationale: input.rationale }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      ...(input.meetingId !== undefined && { meeting_id: input.meetingId }),
      effective_from: effectiveFrom,
      effective_to: effectiveTo,
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentDecision(before, linksBefore));
    const diversionIds = input.diversionIds ? unique(input.diversionIds) : linksBefore;
    if (input.diversionIds) await replaceDiversionLinks(trx, decisionId, diversionIds);
    await index(trx, updated);
    await recordAudit(trx, actor, {
      action: 'decision.update',
      entityType: 'decision',
      entityId: decisionId,
      eventId,
      before: { ...before, diversion_ids: linksBefore },
      after: { ...updated, diversion_ids: diversionIds },
    });
    return presentDecision(updated, diversionIds);
  });
}

function index(trx: Db, decision: DecisionRow): Promise<void> {
  return indexForSearch(trx, {
    eventId: decision.event_id,
    kind: 'decision',
    entityId: decision.id,
    title: decision.forum,
    body: [decision.text, decision.mandate, decision.rationale].filter(Boolean).join('\n\n'),
    internal: decision.internal === 1,
    at: decision.decided_at,
  });
}

async function checkMeeting(trx: Db, eventId: number, meetingId: number | null): Promise<void> {
  if (meetingId !== null && !(await findMeeting(trx, eventId, meetingId))) {
    throw errors.badRequest('Mötet finns inte i den här händelsen.', { field: 'meetingId' });
  }
}

function refuseEndBeforeStart(from: string, to: string | null): void {
  if (to !== null && to < from) {
    throw errors.badRequest('Beslutet kan inte upphöra att gälla innan det börjar gälla.', {
      field: 'effectiveTo',
    });
  }
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}
