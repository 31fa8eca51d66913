// What each person must do next, read from the capabilities that hold the work: reports waiting
// for approval, situations returned to their unit, their overdue actions, their unit's deadlines
// and its missing report for the current period.
import { type EventGrant, isAllowed } from '../../core/access.ts';
import { listActions, pendingStates } from '../actions/repository.ts';
import { grantsOfUser } from '../access/repository.ts';
import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { coveredPeriod } from '../events/periods.ts';
import { type EventRow, listEvents } from '../events/repository.ts';
import type { Actor } from '../http/actor.ts';
import { listReports } from '../reports/repository.ts';
import {
  findInputRequestForPeriod,
  findSituationOfUnit,
  listInputRequestsDueWithin,
  listRequestedUnitStates,
  listSituations,
} from '../situations/repository.ts';
import { isReported } from '../situations/tables.ts';
import { unitNames } from '../units/service.ts';
import { userNamesByIds } from '../users/service.ts';
import type { EventNextSteps, NextSteps } from '../../contract/next-steps.ts';

/** How far ahead an input request's deadline counts as one of the caller's deadlines. */
const deadlineHorizonMs = 366 * 24 * 60 * 60 * 1000;

interface Person {
  userId: number;
  name: string;
  grants: EventGrant[];
  /** The units the person reports for: those whose situation only their unit grant lets them write. */
  unitIds: number[];
}

/** The caller's next steps in every open event they take part in, events with nothing left out. */
export async function nextStepsOf(db: Db, actor: Actor, now = new Date()): Promise<NextSteps> {
  const userId = actor.userId!;
  const [events, grantRows, names, units] = await Promise.all([
    listEvents(db, { userId, isAdmin: actor.isAdmin }),
    grantsOfUser(db, userId),
    userNamesByIds(db, [userId]),
    unitNames(db),
  ]);
  const unitName = (unitId: number) => units.get(unitId) ?? String(unitId);
  const items: EventNextSteps[] = [];
  for (const event of events.filter((candidate) => candidate.state === 'active')) {
    const grants: EventGrant[] = actor.isAdmin
      ? [{ role: 'admin', unitId: null }]
      : grantRows
          .filter((grant) => grant.event_id === event.id)
          .map((grant) => ({ role: grant.role, unitId: grant.unit_id }));
    const person = { userId, name: names.get(userId) ?? '', grants, unitIds: unitsOf(grants) };
    const steps = await eventNextSteps(db, event, person, now, unitName);
    if (hasSomething(steps)) items.push(steps);
  }
  return { items };
}

function unitsOf(grants: EventGrant[]): number[] {
  const unitIds = grants.flatMap((grant) => (grant.unitId === null ? [] : [grant.unitId]));
  return [...new Set(unitIds)].filter((unitId) => isAllowed(grants, 'situation.write', unitId));
}

function hasSomething(steps: EventNextSteps): boolean {
  const { event: _event, ...lists } = steps;
  return Object.values(lists).some((list) => list.length > 0);
}

async function eventNextSteps(
  db: Db,
  event: EventRow,
  person: Person,
  now: Date,
  unitName: (unitId: number) => string,
): Promise<EventNextSteps> {
  const deadlines = await deadlinesOf(db, event.id, person, now);
  return {
    event: { id: event.id, name: event.name, isExercise: event.is_exercise === 1 },
    approvals: await approvalsOf(db, event.id, person),
    returns: await returnsOf(db, event.id, person),
    overdueActions: await overdueActionsOf(db, event.id, person, now),
    deadlines,
    missingReports: await missingReportsOf(db, event, person, deadlines, now, unitName),
  };
}

async function approvalsOf(db: Db, eventId: number, person: Person) {
  if (!isAllowed(person.grants, 'report.approve')) return [];
  return (await listReports(db, eventId))
    .filter((report) => report.state === 'in_review')
    .map((report) => ({
      reportId: report.id,
      title: report.title,
      compiledAt: report.compiled_at,
    }));
}

async function returnsOf(db: Db, eventId: number, person: Person) {
  const returned = await Promise.all(
    person.unitIds.map((unitId) =>
      fetchAllPages((page) =>
        listSituations(
          db,
          eventId,
          { unitId, state: 'returned', includeInternal: true },
          { ...page, order: 'desc' },
        ),
      ),
    ),
  );
  return returned.flat().map((situation) => ({
    situationId: situation.id,
    unitId: situation.unit_id,
    unitName: situation.unit_name,
    period: situation.period,
    comment: situation.return_comment,
  }));
}

/** Overdue actions whose owner is the person by name or one of the units they report for. */
async function overdueActionsOf(db: Db, eventId: number, person: Person, now: Date) {
  const overdue = await fetchAllPages((page) =>
    listActions(
      db,
      eventId,
      {
        includeInternal: isAllowed(person.grants, 'internal.read'),
        overdue: true,
        now: now.toISOString(),
      },
      { ...page, order: 'asc' },
    ),
  );
  const ownName = person.name.trim().toLocaleLowerCase('sv');
  return overdue
    .filter((action) => pendingStates.includes(action.state))
    .filter(
      (action) =>
        (action.owner_unit_id !== null && person.unitIds.includes(action.owner_unit_id)) ||
        (ownName !== '' && action.owner_name?.trim().toLocaleLowerCase('sv') === ownName),
    )
    .map((action) => ({ actionId: action.id, text: action.text, dueAt: action.due_at! }));
}

/** Input requests to the person's units, not yet answered, whose deadline is still ahead. */
async function deadlinesOf(db: Db, eventId: number, person: Person, now: Date) {
  if (person.unitIds.length === 0) return [];
  const horizon = new Date(now.getTime() + deadlineHorizonMs).toISOString();
  const requests = await listInputRequestsDueWithin(db, eventId, now.toISOString(), horizon);
  const deadlines: EventNextSteps['deadlines'] = [];
  for (const request of requests) {
    for (const unit of await listRequestedUnitStates(db, request)) {
      if (!person.unitIds.includes(unit.unit_id) || isReported(unit.state)) continue;
      deadlines.push({
        requestId: request.id,
        unitId: unit.unit_id,
        unitName: unit.name,
        period: request.period,
        deadline: request.deadline,
      });
    }
  }
  return deadlines;
}

/**
 * The current period, for each of the person's units that has not reported for it; a deadline
 * ahead and a return to fix show in their own lists instead.
 */
async function missingReportsOf(
  db: Db,
  event: EventRow,
  person: Person,
  deadlines: EventNextSteps['deadlines'],
  now: Date,
  unitName: (unitId: number) => string,
) {
  const period = coveredPeriod(event, now).key;
  const request = await findInputRequestForPeriod(db, event.id, period);
  const missing: EventNextSteps['missingReports'] = [];
  for (const unitId of person.unitIds) {
    if (deadlines.some((item) => item.unitId === unitId && item.period === period)) continue;
    const situation = await findSituationOfUnit(db, event.id, unitId, period);
    const state = situation?.state ?? null;
    if (isReported(state) || state === 'returned') continue;
    missing.push({
      unitId,
      unitName: unitName(unitId),
      period,
      deadline: request?.deadline ?? null,
    });
  }
  return missing;
}
