import { type Period, periodDeadline, periodOf, previousPeriod } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type DataAsOfRow,
  type EventRow,
  findDataAsOf,
  insertDataAsOf,
  listDataAsOf,
  updateDataAsOf,
  updateEvent,
} from './repository.ts';
import { periodColumns, presentEvent, requireEvent } from './service.ts';
import {
  type PeriodDataAsOf,
  type PeriodSetup,
  type SetDataAsOfInput,
  periodSetup,
} from '../../contract/events.ts';

/** The period an instant falls in, in the event's granularity and time zone. */
export function eventPeriodOf(event: EventRow, instant: Date): Period {
  return periodOf(instant, event.period_granularity, event.time_zone);
}

/**
 * The period a report started at an instant covers: the period it falls in, or the one before
 * when the event reports on the previous period.
 */
export function coveredPeriod(event: EventRow, instant: Date): Period {
  const current = eventPeriodOf(event, instant);
  return event.report_covers === 'previous'
    ? previousPeriod(current.key, event.time_zone)
    : current;
}

/** When a period's returns are due: the event's deadline within that period, in its time zone. */
export function deadlineOfPeriod(event: EventRow, periodKey: string): Date {
  return periodDeadline(
    periodKey,
    { weekday: event.deadline_weekday, time: event.deadline_time },
    event.time_zone,
  );
}

function presentDataAsOf(row: DataAsOfRow): PeriodDataAsOf {
  return {
    period: row.period,
    dataAsOf: row.data_as_of,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function dataAsOfList(db: Db, eventId: number): Promise<{ items: PeriodDataAsOf[] }> {
  await requireEvent(db, eventId);
  return { items: (await listDataAsOf(db, eventId)).map(presentDataAsOf) };
}

/** The instant a period's data is from, when the staff have set one. */
export async function dataAsOfOfPeriod(
  db: Db,
  eventId: number,
  periodKey: string,
): Promise<string | null> {
  return (await findDataAsOf(db, eventId, periodKey))?.data_as_of ?? null;
}

/**
 * Sets the "data as of" instant of a period. The first setting names no version; changing one
 * names the version read (409 with the current one when someone changed it since).
 */
export async function setDataAsOf(
  db: Db,
  actor: Actor,
  eventId: number,
  periodKey: string,
  input: SetDataAsOfInput,
  at = new Date(),
): Promise<PeriodDataAsOf> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, eventId);
    requireEventPeriod(event, periodKey);
    const before = await findDataAsOf(trx, eventId, periodKey);
    const changes = {
      data_as_of: new Date(input.dataAsOf).toISOString(),
      updated_by: actor.userId,
      updated_at: at.toISOString(),
    };
    const after = before
      ? await updateDataAsOf(trx, before.id, input.version ?? 0, changes)
      : await insertDataAsOf(trx, { event_id: eventId, period: periodKey, ...changes });
    if (!after) throw errors.conflict(presentDataAsOf(before!));
    await recordAudit(trx, actor, {
      action: 'event.data_as_of',
      entityType: 'event_period_data_as_of',
      entityId: after.id,
      eventId,
      before,
      after,
    });
    return presentDataAsOf(after);
  });
}

function requireEventPeriod(event: EventRow, periodKey: string): void {
  const granularity = /^\d{4}-W\d{2}$/.test(periodKey) ? 'week' : 'day';
  if (granularity !== event.period_granularity) {
    throw errors.badRequest(
      event.period_granularity === 'week'
        ? 'Händelsen rapporteras per vecka, till exempel 2024-W45.'
        : 'Händelsen rapporteras per dag, till exempel 2024-11-05.',
      { field: 'period' },
    );
  }
}

/** The event's reporting periods, language and time zone as a set-up part. */
export async function readPeriodSetup(db: Db, eventId: number): Promise<PeriodSetup> {
  const event = await requireEvent(db, eventId);
  return {
    granularity: event.period_granularity,
    deadline: { weekday: event.deadline_weekday, time: event.deadline_time },
    reportCovers: event.report_covers,
    language: event.language,
    timeZone: event.time_zone,
  };
}

/** Replaces the event's periods, language and time zone with a set-up's, in the caller's transaction. */
export async function applyPeriodSetup(
  trx: Db,
  eventId: number,
  setup: PeriodSetup,
  actor: Actor,
): Promise<void> {
  const checked = periodSetup.safeParse(setup);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw errors.badRequest(issue.message, { field: ['periodSetup', ...issue.path].join('.') });
  }
  const before = await requireEvent(trx, eventId);
  const after = await updateEvent(trx, eventId, before.version, {
    period_granularity: checked.data.granularity,
    ...periodColumns(checked.data),
  });
  if (!after) throw errors.conflict(presentEvent(before));
  await recordAudit(trx, actor, {
    action: 'event.update',
    entityType: 'event',
    entityId: eventId,
    eventId,
    before,
    after,
  });
}
