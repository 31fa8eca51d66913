import { parsePeriod } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { coveredPeriod, dataAsOfOfPeriod, deadlineOfPeriod } from '../events/periods.ts';
import type { EventRow } from '../events/repository.ts';
import { requireEvent } from '../events/service.ts';
import { reportCompilationTimes } from '../reports/repository.ts';
import type { Actor } from '../http/actor.ts';
import { findUnit } from '../units/repository.ts';
import { eventUnitsInOrder, requireUnitInEvent } from '../event-units/service.ts';
import { completenessByGroup, isUnitReported } from './completeness-groups.ts';
import { updateVersioned } from '../db/paging.ts';
import {
  type InputRequestRow,
  clearReminders,
  findInputRequest,
  findInputRequestForPeriod,
  findLatestInputRequest,
  insertInputRequest,
  insertInputRequestUnits,
  listInputRequests,
  listRequestUnits,
  listRequestedUnitStates,
} from './repository.ts';
import type {
  ChangeDeadlineInput,
  Completeness,
  CreateInputRequestInput,
  InputRequest,
} from '../../contract/situations.ts';
import type { Page } from '../../contract/list.ts';
import { type PageRequest, resolvePeriod } from './service.ts';
import { isReported } from './tables.ts';

type RequestUnit = Awaited<ReturnType<typeof listRequestUnits>>[number];

export function presentInputRequest(request: InputRequestRow, units: RequestUnit[]): InputRequest {
  return {
    id: request.id,
    period: request.period,
    deadline: request.deadline,
    units: units.map((unit) => ({
      unitId: unit.unit_id,
      code: unit.code,
      name: unit.name,
      remindedAt: unit.reminded_at,
    })),
    provenance: {
      createdBy: request.created_by,
      createdAt: request.created_at,
      source: request.source,
      updatedBy: request.updated_by,
      updatedAt: request.updated_at,
    },
    version: request.version,
  };
}

export async function createInputRequest(
  db: Db,
  actor: Actor,
  eventId: number,
  input: CreateInputRequestInput,
  at = new Date(),
): Promise<InputRequest> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    const period = resolvePeriod(event, input.period);
    for (const unitId of input.unitIds) {
      if (!(await findUnit(trx, unitId))) {
        throw errors.badRequest(`Enheten ${unitId} finns inte.`, { field: 'unitIds' });
      }
      await requireUnitInEvent(trx, eventId, unitId);
    }
    const stamp = at.toISOString();
    const request = await insertInputRequest(trx, {
      event_id: eventId,
      period: period.key,
      deadline: (input.deadline
        ? new Date(input.deadline)
        : deadlineOfPeriod(event, period.key)
      ).toISOString(),
      created_by: actor.userId,
      created_at: stamp,
      source: 'manual',
      updated_by: actor.userId,
      updated_at: stamp,
    });
    if (!request) {
      throw errors.badRequest(`Det finns redan en begäran om lägesbild för ${period.key}.`, {
        field: 'period',
      });
    }
    await insertInputRequestUnits(trx, request.id, input.unitIds);
    await recordAudit(trx, actor, {
      action: 'input_request.create',
      entityType: 'input_request',
      entityId: request.id,
      eventId,
      after: { ...request, unit_ids: input.unitIds },
    });
    return presentInputRequest(request, await listRequestUnits(trx, [request.id]));
  });
}

/**
 * Moves a request's deadline. The units' reminders are forgotten, so that those who have not
 * reported are reminded again before the new deadline.
 */
export async function changeInputRequestDeadline(
  db: Db,
  actor: Actor,
  eventId: number,
  requestId: number,
  input: ChangeDeadlineInput,
  at = new Date(),
): Promise<InputRequest> {
  return db.transaction().execute(async (trx) => {
    await requireEvent(trx, eventId);
    const before = await findInputRequest(trx, eventId, requestId);
    if (!before) throw errors.notFound('Begäran om lägesbild');
    const present = async (row: InputRequestRow) =>
      presentInputRequest(row, await listRequestUnits(trx, [row.id]));
    const updated = await updateVersioned(trx, 'input_requests', requestId, input.version, {
      deadline: new Date(input.deadline).toISOString(),
      updated_by: actor.userId,
      updated_at: at.toISOString(),
    });
    if (!updated) throw errors.conflict(await present(before));
    await clearReminders(trx, requestId);
    await recordAudit(trx, actor, {
      action: 'input_request.update',
      entityType: 'input_request',
      entityId: requestId,
      eventId,
      before,
      after: updated,
    });
    return present(updated);
  });
}

export async function inputRequestPage(
  db: Db,
  eventId: number,
  filter: { period?: string | undefined },
  page: PageRequest,
): Promise<Page<InputRequest>> {
  const { rows, total } = await listInputRequests(db, eventId, filter, page);
  const units = await listRequestUnits(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) =>
      presentInputRequest(
        row,
        units.filter((unit) => unit.request_id === row.id),
      ),
    ),
    total,
    limit: page.limit,
    offset: page.offset,
  };
}

/**
 * Who has reported for a period (the latest requested period when none is given). Reported means
 * submitted or accepted; a unit is late when it has not reported and the deadline has passed,
 * unless the period is over and a report on the previous period has started to cover it.
 */
export async function completeness(
  db: Db,
  eventId: number,
  periodKey: string | undefined,
  now = new Date(),
): Promise<Completeness> {
  const event = await requireEvent(db, eventId);
  if (periodKey) resolvePeriod(event, periodKey);
  const request = periodKey
    ? await findInputRequestForPeriod(db, eventId, periodKey)
    : await findLatestInputRequest(db, eventId);
  const dataAsOf = periodKey ? await dataAsOfOfPeriod(db, eventId, periodKey) : null;
  if (!request) {
    const none = {
      deadline: null,
      expected: 0,
      reported: 0,
      units: [],
      groups: [],
      covered: false,
    };
    return { period: periodKey ?? null, dataAsOf, ...none };
  }
  const covered = await isCoveredPastPeriod(db, event, request.period, now);
  const deadlinePassed = !covered && new Date(request.deadline).getTime() <= now.getTime();
  const units = (await listRequestedUnitStates(db, request)).map((row) => {
    return {
      unitId: row.unit_id,
      code: row.code,
      name: row.name,
      shortName: row.short_name,
      state: row.state ?? ('missing' as const),
      late: !isReported(row.state) && deadlinePassed,
      submittedAt: row.submitted_at,
    };
  });
  return {
    period: request.period,
    deadline: request.deadline,
    dataAsOf: await dataAsOfOfPeriod(db, eventId, request.period),
    covered,
    expected: units.length,
    reported: units.filter(isUnitReported).length,
    units,
    groups: completenessByGroup(await eventUnitsInOrder(db, eventId), units),
  };
}

/**
 * Whether a period is over and a report started since covers it. Only an event whose reports
 * cover the previous period waits for returns after its period: with reports on the current
 * period, missing returns stay late as they always were.
 */
async function isCoveredPastPeriod(db: Db, event: EventRow, periodKey: string, now: Date) {
  if (event.report_covers !== 'previous') return false;
  if (parsePeriod(periodKey, event.time_zone).end > now) return false;
  const compiled = await reportCompilationTimes(db, event.id);
  return compiled.some((instant) => coveredPeriod(event, new Date(instant)).key === periodKey);
}
