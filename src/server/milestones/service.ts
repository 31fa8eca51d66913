import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { presentProvenance } from '../db/provenance.ts';
import type { Db } from '../db/schema.ts';
import { findDecision } from '../decisions/repository.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type MilestoneChangeRow,
  type MilestoneRow,
  changesOfMilestone,
  findMilestone,
  insertMilestone,
  insertMilestoneChange,
  listMilestones,
  updateMilestone,
} from './repository.ts';
import type {
  Milestone,
  MilestoneChange,
  MilestoneList,
  MilestoneWithHistory,
  createMilestoneBody,
  moveMilestoneBody,
  reachMilestoneBody,
  updateMilestoneBody,
} from '../../contract/milestones.ts';

/** Demo data backdates its writes; everything else happens now. */
export interface WriteOptions {
  at?: string;
  source?: string;
}

export function presentMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    description: row.description,
    plannedOn: row.planned_on,
    originalOn: row.original_on,
    state: row.state,
    reachedAt: row.reached_at,
    internal: row.internal === 1,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

export function presentMilestoneChange(
  row: MilestoneChangeRow,
  showDecision: boolean,
): Omit<MilestoneChange, 'decision'> {
  return {
    id: row.id,
    kind: row.kind,
    previousOn: row.previous_on,
    newOn: row.new_on,
    reason: row.reason,
    decisionId: showDecision ? row.decision_id : null,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

/** The event's milestones by current date, internal ones only when the reader may see them. */
export async function milestoneList(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<MilestoneList> {
  const rows = await listMilestones(db, eventId, includeInternal);
  return { items: rows.map(presentMilestone) };
}

/** One milestone with the history of its dates, each move with the decision behind it if visible. */
export async function milestoneWithHistory(
  db: Db,
  eventId: number,
  milestoneId: number,
  includeInternal: boolean,
): Promise<MilestoneWithHistory> {
  const milestone = await findMilestone(db, eventId, milestoneId);
  if (!milestone || (milestone.internal === 1 && !includeInternal))
    throw errors.notFound('Milstolpen');
  const history: MilestoneChange[] = [];
  for (const change of await changesOfMilestone(db, milestoneId)) {
    const decision = change.decision_id
      ? await findDecision(db, eventId, change.decision_id)
      : undefined;
    const visible = decision !== undefined && (decision.internal === 0 || includeInternal);
    history.push({
      ...presentMilestoneChange(change, visible),
      decision: visible
        ? { decidedAt: decision.decided_at, forum: decision.forum, text: decision.text }
        : null,
    });
  }
  return { ...presentMilestone(milestone), history };
}

export async function createMilestone(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createMilestoneBody>,
  options: WriteOptions = {},
): Promise<Milestone> {
  return db.transaction().execute(async (trx) => {
    const now = instantOf(options.at);
    const milestone = await insertMilestone(trx, {
      event_id: eventId,
      title: input.title,
      description: input.description,
      planned_on: input.plannedOn,
      original_on: input.plannedOn,
      state: 'upcoming',
      reached_at: null,
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      source: options.source ?? 'manual',
      updated_by: actor.userId,
      updated_at: now,
    });
    await insertMilestoneChange(trx, {
      event_id: eventId,
      milestone_id: milestone.id,
      kind: 'created',
      previous_on: null,
      new_on: input.plannedOn,
      reason: '',
      decision_id: null,
      changed_by: actor.userId,
      changed_at: now,
    });
    await audit(trx, actor, 'milestone.create', milestone, undefined);
    return presentMilestone(milestone);
  });
}

export async function changeMilestone(
  db: Db,
  actor: Actor,
  eventId: number,
  milestoneId: number,
  input: z.infer<typeof updateMilestoneBody>,
): Promise<Milestone> {
  return db.transaction().execute(async (trx) => {
    const before = await loadMilestone(trx, eventId, milestoneId);
    const updated = await updateMilestone(trx, milestoneId, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentMilestone(before));
    await audit(trx, actor, 'milestone.update', updated, before);
    return presentMilestone(updated);
  });
}

export async function reachMilestone(
  db: Db,
  actor: Actor,
  eventId: number,
  milestoneId: number,
  input: z.infer<typeof reachMilestoneBody>,
  options: WriteOptions = {},
): Promise<Milestone> {
  return db.transaction().execute(async (trx) => {
    const before = await loadMilestone(trx, eventId, milestoneId);
    refuseReached(before);
    const now = instantOf(options.at);
    const reachedAt = input.reachedAt ? new Date(input.reachedAt).toISOString() : now;
    return changeDate(trx, actor, before, {
      version: input.version,
      now,
      changes: { state: 'reached', reached_at: reachedAt },
      kind: 'reached',
      newOn: before.planned_on,
      reason: '',
      decisionId: null,
      action: 'milestone.reach',
    });
  });
}

export async function moveMilestone(
  db: Db,
  actor: Actor,
  eventId: number,
  milestoneId: number,
  input: z.infer<typeof moveMilestoneBody>,
  options: WriteOptions = {},
): Promise<Milestone> {
  return db.transaction().execute(async (trx) => {
    const before = await loadMilestone(trx, eventId, milestoneId);
    refuseReached(before);
    if (input.plannedOn === before.planned_on) {
      throw errors.badRequest('Ange ett annat datum än det milstolpen redan har.', {
        field: 'plannedOn',
      });
    }
    if (input.decisionId !== null && !(await findDecision(trx, eventId, input.decisionId))) {
      throw errors.badRequest('Beslutet finns inte i den här händelsen.', { field: 'decisionId' });
    }
    return changeDate(trx, actor, before, {
      version: input.version,
      now: instantOf(options.at),
      changes: { state: 'moved', planned_on: input.plannedOn },
      kind: 'moved',
      newOn: input.plannedOn,
      reason: input.reason,
      decisionId: input.decisionId,
      action: 'milestone.move',
      auditExtra: { reason: input.reason, decision_id: input.decisionId },
    });
  });
}

/**
 * Reaching or moving a milestone: the update of the version the user read, its line in the
 * milestone's history and the audit entry, all in the caller's transaction.
 */
async function changeDate(
  trx: Db,
  actor: Actor,
  before: MilestoneRow,
  change: {
    version: number;
    now: string;
    changes: Pick<Partial<MilestoneRow>, 'state' | 'reached_at' | 'planned_on'>;
    kind: MilestoneChangeRow['kind'];
    newOn: string;
    reason: string;
    decisionId: number | null;
    action: string;
    auditExtra?: Record<string, unknown>;
  },
): Promise<Milestone> {
  const updated = await updateMilestone(trx, before.id, change.version, {
    ...change.changes,
    updated_by: actor.userId,
    updated_at: change.now,
  });
  if (!updated) throw errors.conflict(presentMilestone(before));
  await insertMilestoneChange(trx, {
    event_id: before.event_id,
    milestone_id: before.id,
    kind: change.kind,
    previous_on: before.planned_on,
    new_on: change.newOn,
    reason: change.reason,
    decision_id: change.decisionId,
    changed_by: actor.userId,
    changed_at: change.now,
  });
  await audit(trx, actor, change.action, updated, before, change.auditExtra);
  return presentMilestone(updated);
}

async function loadMilestone(db: Db, eventId: number, milestoneId: number) {
  const milestone = await findMilestone(db, eventId, milestoneId);
  if (!milestone) throw errors.notFound('Milstolpen');
  return milestone;
}

function refuseReached(milestone: MilestoneRow): void {
  if (milestone.state === 'reached') {
    throw errors.wrongState('Milstolpen är redan nådd och kan inte flyttas eller nås igen.');
  }
}

function audit(
  trx: Db,
  actor: Actor,
  action: string,
  after: MilestoneRow,
  before: MilestoneRow | undefined,
  extra: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(trx, actor, {
    action,
    entityType: 'milestone',
    entityId: after.id,
    eventId: after.event_id,
    ...(before && { before }),
    after: { ...after, ...extra },
  });
}

/** Stored instants all have the same ISO form, so that they compare as text on SQLite. */
function instantOf(at: string | undefined): string {
  return (at ? new Date(at) : new Date()).toISOString();
}
