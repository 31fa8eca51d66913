import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { defaultEventUnits } from '../event-units/defaults.ts';
import { installBuiltinTemplates } from '../templates/service.ts';
import {
  type EventRow,
  anyEventExists,
  findEvent,
  insertEvent,
  listEvents,
  updateEvent,
} from './repository.ts';
import type { Event, createEventBody, updateEventBody } from '../../contract/events.ts';

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
    unitlessLabel: event.unitless_label,
    activatedAt: event.activated_at,
    closedAt: event.closed_at,
    createdAt: event.created_at,
    updatedAt: event.updated_at,
    version: event.version,
  };
}

export async function createEvent(
  db: Db,
  actor: Actor,
  input: z.infer<typeof createEventBody>,
): Promise<Event> {
  return presentEvent(
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const event = await insertEvent(trx, {
        name: input.name,
        description: input.description,
        background: input.background,
        is_exercise: input.isExercise ? 1 : 0,
        state: 'active',
        period_granularity: input.periodGranularity,
        four_eyes: input.fourEyes ? 1 : 0,
        activated_at: input.activatedAt ? new Date(input.activatedAt).toISOString() : now,
        created_at: now,
        updated_at: now,
      });
      await installBuiltinTemplates(trx, actor, event.id);
      await defaultEventUnits(trx, event.id);
      await recordAudit(trx, actor, {
        action: 'event.create',
        entityType: 'event',
        entityId: event.id,
        eventId: event.id,
        after: event,
      });
      return event;
    }),
  );
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
      const updated = await updateEvent(trx, eventId, input.version, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.background !== undefined && { background: input.background }),
        ...(input.isExercise !== undefined && { is_exercise: input.isExercise ? 1 : 0 }),
        ...(input.periodGranularity !== undefined && {
          period_granularity: input.periodGranularity,
        }),
        ...(input.fourEyes !== undefined && { four_eyes: input.fourEyes ? 1 : 0 }),
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

/** The event by id; 404 when there is none. The one place an event is loaded for a use. */
export async function requireEvent(db: Db, eventId: number): Promise<EventRow> {
  const event = await findEvent(db, eventId);
  if (!event) throw errors.notFound('Händelsen');
  return event;
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
