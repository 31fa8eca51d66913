import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { updateEvent } from '../events/repository.ts';
import { requireEvent } from '../events/service.ts';
import { presentEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import { closingChecklist } from './checklist.ts';
import type { ClosingChecklist, closeEventBody, reopenEventBody } from '../../contract/closing.ts';
import type { Event } from '../../contract/events.ts';

/**
 * Closes the event when every item of the closing checklist is ok, or when the caller overrides
 * the checklist with a reason; the checklist as it stood is kept in the audit record.
 */
export async function closeEvent(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof closeEventBody>,
): Promise<Event> {
  return presentEvent(
    await db.transaction().execute(async (trx) => {
      const before = await requireEvent(trx, eventId);
      const now = new Date().toISOString();
      const closedAt = input.closedAt ? new Date(input.closedAt).toISOString() : now;
      if (closedAt < before.activated_at) {
        throw errors.badRequest('Avslutsdatum kan inte ligga före aktiveringen.', {
          field: 'closedAt',
        });
      }
      const checklist = await closingChecklist(trx, eventId, { now, includeInternal: true });
      const failing = checklist.filter((item) => !item.ok);
      if (input.override && input.reason === '') {
        throw errors.badRequest('Ange varför händelsen avslutas trots att listan inte är klar.', {
          field: 'reason',
        });
      }
      if (failing.length > 0 && !input.override) throw errors.checklistIncomplete(failing);
      const updated = await updateEvent(trx, eventId, input.version, {
        state: 'closed',
        closed_at: closedAt,
      });
      if (!updated) throw errors.conflict(presentEvent(before));
      await recordAudit(trx, actor, {
        action: 'event.close',
        entityType: 'event',
        entityId: eventId,
        eventId,
        before,
        after: {
          ...updated,
          checklist,
          ...(input.override && { override: true, override_reason: input.reason }),
        },
      });
      return updated;
    }),
  );
}

/** Opens a closed event again; only an admin may, and the reason is kept in the audit trail. */
export async function reopenEvent(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof reopenEventBody>,
): Promise<Event> {
  return presentEvent(
    await db.transaction().execute(async (trx) => {
      const before = await requireEvent(trx, eventId);
      if (before.state !== 'closed') {
        throw errors.wrongState('Händelsen är inte avslutad, så den behöver inte öppnas igen.');
      }
      const updated = await updateEvent(trx, eventId, input.version, {
        state: 'active',
        closed_at: null,
      });
      if (!updated) throw errors.conflict(presentEvent(before));
      await recordAudit(trx, actor, {
        action: 'event.reopen',
        entityType: 'event',
        entityId: eventId,
        eventId,
        before,
        after: { ...updated, reason: input.reason },
      });
      return updated;
    }),
  );
}

/** The closing checklist as it stands now, and whether the event may close without an override. */
export async function checklistNow(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<ClosingChecklist> {
  const items = await closingChecklist(db, eventId, {
    now: new Date().toISOString(),
    includeInternal,
  });
  return { items, ready: items.every((item) => item.ok) };
}
