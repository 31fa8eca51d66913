import type { z } from 'zod';
import { TIME_ZONE } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import { eventHasSituations } from '../situations/repository.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type EventRow,
  anyEventExists,
  findEvent,
  insertEvent,
  listEvents,
  updateEvent,
} from './repository.ts';
import type {
  Event,
  PeriodDeadline,
  createEventBody,
  periodGranularity,
  updateEventBody,
} from '../../contract/events.ts';

export function presentEvent(event: EventRow): Event {
  return {
    id: event.id,
    name: event.name,
    description: event.description,
    background: event.background,
    isExercise: event.is_exercise === 1,
    state: event.state,
    periodGranularity: event.period_granularity,
    fourEyes: event.four_eyes === 1,
    deadline: { weekday: event.deadline_weekday, time: event.deadline_time },
    reportCovers: event.report_covers,
    language: event.language,
    timeZone: event.time_zone,
    unitlessLabel: event.unitless_label,
    activatedAt: event.activated_at,
    closedAt: event.closed_at,
    createdAt: event.created_at,
    updatedAt: event.updated_at,
    version: event.version,
  };
}

/** Inserts a new event and audits it; its shape (templates and more) is laid by the caller. */
export async function insertNewEvent(
  trx: Db,
  actor: Actor,
  input: Omit<z.infer<typeof createEventBody>, 'origin' | 'fourEyes' | 'periodGranularity'> & {
    fourEyes: boolean;
    periodGranularity: z.infer<typeof periodGranularity>;
  },
): Promise<EventRow> {
  const now = new Date().toISOString();
  const event = await insertEvent(trx, {
    name: input.name,
    description: input.description,
    background: input.background,
    is_exercise: input.isExercise ? 1 : 0,
    state: 'active',
    period_granularity: input.periodGranularity,
    four_eyes: input.fourEyes ? 1 : 0,
    ...periodColumns(input),
    activated_at: input.activatedAt ? new Date(input.activatedAt).toISOString() : now,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, actor, {
    action: 'event.create',
    entityType: 'event',
    entityId: event.id,
    eventId: event.id,
    after: event,
  });
  return event;
}

export async function changeEvent(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof updateEventBody>,
): Promise<Event> {
  return presentEvent(
    await db.transaction().execute(async (trx) => {
      const before = await requireEvent(trx, eventId);
      await refuseGranularityChangeWithReturns(trx, before, input.periodGranularity);
      const updated = await updateEvent(trx, eventId, input.version, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.background !== undefined && { background: input.background }),
        ...(input.isExercise !== undefined && { is_exercise: input.isExercise ? 1 : 0 }),
        ...(input.periodGranularity !== undefined && {
          period_granularity: input.periodGranularity,
        }),
        ...(input.fourEyes !== undefined && { four_eyes: input.fourEyes ? 1 : 0 }),
        ...(input.activatedAt !== undefined && {
          activated_at: new Date(input.activatedAt).toISOString(),
        }),
        ...periodColumns(input),
      });
      if (!updated) throw errors.conflict(presentEvent(before));
      await recordAudit(trx, actor, {
        action: 'event.update',
        entityType: 'event',
        entityId: eventId,
        eventId,
        before,
        after: updated,
      });
      return updated;
    }),
  );
}

/**
 * Returns are stored under their period's key; a week key means nothing in a daily event, so the
 * period length is fixed once any unit has reported.
 */
async function refuseGranularityChangeWithReturns(
  db: Db,
  event: EventRow,
  granularity: EventRow['period_granularity'] | undefined,
): Promise<void> {
  if (granularity === undefined || granularity === event.period_granularity) return;
  if (await eventHasSituations(db, event.id)) {
    throw errors.wrongState(
      'Periodens längd kan inte ändras när enheter redan har rapporterat i händelsen. Skapa en ny händelse med den nya periodlängden.',
    );
  }
}

/** The columns of the period settings, language and time zone a request names. */
export function periodColumns(input: {
  deadline?: PeriodDeadline | undefined;
  reportCovers?: EventRow['report_covers'] | undefined;
  language?: EventRow['language'] | undefined;
  timeZone?: string | undefined;
}) {
  return {
    ...(input.deadline !== undefined && {
      deadline_weekday: input.deadline.weekday,
      deadline_time: input.deadline.time,
    }),
    ...(input.reportCovers !== undefined && { report_covers: input.reportCovers }),
    ...(input.language !== undefined && { language: input.language }),
    ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
  };
}

/** The event by id; 404 when there is none. The one place an event is loaded for a use. */
export async function requireEvent(db: Db, eventId: number): Promise<EventRow> {
  const event = await findEvent(db, eventId);
  if (!event) throw errors.notFound('Händelsen');
  return event;
}

/**
 * The time zone a period or date filter is read in: the event's own. Without a filter bound
 * nothing depends on it, so the event is not read.
 */
export async function periodZoneOf(
  db: Db,
  eventId: number,
  filterBound: string | undefined,
): Promise<string> {
  return filterBound ? eventTimeZone(db, eventId) : TIME_ZONE;
}

/** The event's IANA time zone, in which its dates and times are read and written. */
export async function eventTimeZone(db: Db, eventId: number): Promise<string> {
  return (await requireEvent(db, eventId)).time_zone;
}

/** Whether the installation holds any event at all (the demo loads only into an empty one). */
export function hasEvents(db: Db): Promise<boolean> {
  return anyEventExists(db);
}

/** The events the caller may see: all of them for an administrator, else those with a grant. */
export async function visibleEvents(db: Db, actor: Actor): Promise<{ items: Event[] }> {
  const events = await listEvents(db, { userId: actor.userId!, isAdmin: actor.isAdmin });
  return { items: events.map(presentEvent) };
}

export async function eventById(db: Db, eventId: number): Promise<Event> {
  return presentEvent(await requireEvent(db, eventId));
}
