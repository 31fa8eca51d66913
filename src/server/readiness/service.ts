import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import { findDecision } from '../decisions/repository.ts';
import { findUnit } from '../units/repository.ts';
import {
  type ReadinessChangeRow,
  findLatestChange,
  insertChange,
  listLatestUnitChanges,
  listRecentChanges,
  scopeOf,
} from './repository.ts';
import type {
  ReadinessChange,
  ReadinessLevel,
  ReadinessOverview,
  ReadinessState,
  SetReadinessInput,
} from '../../contract/readiness.ts';
import { eventUnitsInOrder, requireUnitInEvent } from '../event-units/service.ts';

const defaultLevel: ReadinessLevel = 'normal';
// A change may be dated a little ahead of the server clock (clients' clocks drift), not more.
const allowedClockSkewMs = 5 * 60_000;

export function presentChange(change: ReadinessChangeRow): ReadinessChange {
  return {
    id: change.id,
    unitId: change.unit_id,
    level: change.level,
    reason: change.reason,
    changedBy:
      change.changed_by === null ? null : { id: change.changed_by, name: change.changed_by_name },
    changedAt: change.changed_at,
    decision: presentDecision(change),
    internal: change.internal === 1,
    provenance: {
      createdBy: change.created_by,
      createdAt: change.created_at,
      source: change.source,
      updatedBy: change.updated_by,
      updatedAt: change.updated_at,
    },
    version: change.version,
  };
}

function presentDecision(change: ReadinessChangeRow): ReadinessChange['decision'] {
  if (change.decision_id === null || change.decision_decided_at === null) return null;
  return {
    id: change.decision_id,
    decidedAt: change.decision_decided_at,
    forum: change.decision_forum ?? '',
    text: change.decision_text ?? '',
  };
}

/** The level in force for one scope: the latest change, or 'normal' when none was made. */
function presentCurrent(change: ReadinessChangeRow | undefined): ReadinessState {
  return {
    level: change?.level ?? defaultLevel,
    since: change?.changed_at ?? null,
    reason: change?.reason ?? null,
    changedBy: change ? presentChange(change).changedBy : null,
    version: change?.version ?? 0,
  };
}

export async function readinessOverview(
  db: Db,
  eventId: number,
  options: { includeInternal: boolean; historyLimit: number },
): Promise<ReadinessOverview> {
  const [eventChange, unitChanges, units, history] = await Promise.all([
    findLatestChange(db, eventId, null, options.includeInternal),
    listLatestUnitChanges(db, eventId, options.includeInternal),
    eventUnitsInOrder(db, eventId),
    listRecentChanges(db, eventId, options.includeInternal, options.historyLimit),
  ]);
  return {
    event: presentCurrent(eventChange),
    units: units.map((unit) => ({
      unitId: unit.unitId,
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      depth: unit.depth,
      ...presentCurrent(unitChanges.get(unit.unitId)),
    })),
    history: history.map(presentChange),
  };
}

/** Sets the readiness level of the event (unitId null) or of one unit, keeping the history. */
export async function setReadiness(
  db: Db,
  actor: Actor,
  eventId: number,
  unitId: number | null,
  input: Omit<SetReadinessInput, 'decisionId'> & Partial<Pick<SetReadinessInput, 'decisionId'>>,
): Promise<ReadinessChange> {
  const decisionId = input.decisionId ?? null;
  const change = await db.transaction().execute(async (trx) => {
    await requireEvent(trx, eventId);
    if (unitId !== null && !(await findUnit(trx, unitId))) throw errors.notFound('Enheten');
    if (unitId !== null) await requireUnitInEvent(trx, eventId, unitId);
    const current = await findLatestChange(trx, eventId, unitId);
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) throw errors.conflict(presentCurrent(current));
    const now = new Date();
    const changedAt = input.changedAt ? new Date(input.changedAt) : now;
    refuseChangedAt(changedAt, now, current);
    if (decisionId !== null && !(await findDecision(trx, eventId, decisionId))) {
      throw errors.badRequest('Beslutet finns inte i den här händelsen.', { field: 'decisionId' });
    }
    if (input.level === (current?.level ?? defaultLevel)) {
      throw errors.wrongState(`Nivån är redan ${input.level}.`, { field: 'level' });
    }
    const stamp = now.toISOString();
    const inserted = await insertChange(trx, {
      event_id: eventId,
      unit_id: unitId,
      scope: scopeOf(unitId),
      level: input.level,
      reason: input.reason,
      decision_id: decisionId,
      changed_by: actor.userId,
      changed_at: changedAt.toISOString(),
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: stamp,
      source: 'manual',
      updated_by: actor.userId,
      updated_at: stamp,
      version: currentVersion + 1,
    });
    if (!inserted) {
      throw errors.conflict(presentCurrent(await findLatestChange(trx, eventId, unitId)));
    }
    await recordAudit(trx, actor, {
      action: unitId === null ? 'readiness.event.set' : 'readiness.unit.set',
      entityType: 'readiness_change',
      entityId: inserted.id,
      eventId,
      before: current,
      after: inserted,
    });
    return (await findLatestChange(trx, eventId, unitId))!;
  });
  return presentChange(change);
}

function refuseChangedAt(changedAt: Date, now: Date, current: ReadinessChangeRow | undefined) {
  if (changedAt.getTime() > now.getTime() + allowedClockSkewMs) {
    throw errors.badRequest('Tidpunkten kan inte ligga i framtiden.', { field: 'changedAt' });
  }
  if (current && changedAt.toISOString() < current.changed_at) {
    throw errors.badRequest('Tidpunkten kan inte ligga före den senaste ändringen av nivån.', {
      field: 'changedAt',
    });
  }
}
