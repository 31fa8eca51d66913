import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import {
  type ReturnField,
  type ReturnForm,
  type ReturnFormSetup,
  defaultReturnForm,
  replaceReturnFormBody,
  returnFormSetup,
} from '../../contract/return-forms.ts';
import {
  type ReturnFormRow,
  findReturnForm,
  insertReturnForm,
  updateReturnForm,
} from './repository.ts';

function fieldsOf(row: ReturnFormRow | undefined): ReturnField[] {
  return row ? (JSON.parse(row.fields) as ReturnField[]) : defaultReturnForm();
}

function presentReturnForm(eventId: number, row: ReturnFormRow | undefined): ReturnForm {
  return {
    eventId,
    fields: fieldsOf(row),
    isDefault: !row,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null,
    version: row?.version ?? 0,
  };
}

/** The fields of the event's form in order: its own, or the default form until it has one. */
export async function returnFieldsOf(db: Db, eventId: number): Promise<ReturnField[]> {
  return fieldsOf(await findReturnForm(db, eventId));
}

export async function returnFormOf(db: Db, eventId: number): Promise<ReturnForm> {
  await requireEvent(db, eventId);
  return presentReturnForm(eventId, await findReturnForm(db, eventId));
}

/** A zod error as a 400 naming each field (`nameOf` its path, e.g. `fields.2.label`), in Swedish. */
export function refuseInvalid(error: z.ZodError, nameOf: (path: PropertyKey[]) => string): never {
  const fields = error.issues.map((issue) => ({
    field: nameOf(issue.path),
    message: issue.message,
  }));
  throw errors.badRequest(fields[0]!.message, { field: fields[0]!.field, fields });
}

/** A key keeps its kind: answers already given under it must keep their meaning. */
function refuseKindChanges(before: ReturnField[], after: ReturnField[]): void {
  const kinds = new Map(before.map((field) => [field.key, field.kind]));
  after.forEach((field, index) => {
    const kind = kinds.get(field.key);
    if (kind && kind !== field.kind) {
      throw errors.badRequest(
        `Fältet ${field.key} har typen ${kind} och nyckeln behåller sin typ. Lägg till ett nytt fält i stället.`,
        { field: `fields.${index}.kind` },
      );
    }
  });
}

/** Replaces the event's fields inside the caller's transaction, audited; 409 when stale. */
async function writeFields(
  trx: Db,
  actor: Actor,
  eventId: number,
  fields: ReturnField[],
  expectedVersion: number | 'any',
): Promise<ReturnForm> {
  const before = await findReturnForm(trx, eventId);
  const current = presentReturnForm(eventId, before);
  if (expectedVersion !== 'any' && current.version !== expectedVersion) {
    throw errors.conflict(current);
  }
  refuseKindChanges(current.fields, fields);
  const stamp = new Date().toISOString();
  const stored = JSON.stringify(fields);
  const after = before
    ? await updateReturnForm(trx, before.id, before.version, {
        fields: stored,
        updated_by: actor.userId,
        updated_at: stamp,
      })
    : await insertReturnForm(trx, {
        event_id: eventId,
        fields: stored,
        created_by: actor.userId,
        created_at: stamp,
        source: 'manual',
        updated_by: actor.userId,
        updated_at: stamp,
      });
  if (!after) throw errors.conflict(presentReturnForm(eventId, await findReturnForm(trx, eventId)));
  await recordAudit(trx, actor, {
    action: 'return_form.replace',
    entityType: 'return_form',
    entityId: after.id,
    eventId,
    before: before ?? { fields: JSON.stringify(current.fields) },
    after,
  });
  return presentReturnForm(eventId, after);
}

/** An admin replaces the whole form, naming the version read (0 for the default form). */
export async function replaceReturnForm(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof replaceReturnFormBody>,
): Promise<ReturnForm> {
  return db.transaction().execute(async (trx) => {
    await requireEvent(trx, eventId);
    return writeFields(trx, actor, eventId, input.fields, input.version);
  });
}

/** The event's form as a part of a set-up. */
export async function readReturnFormSetup(db: Db, eventId: number): Promise<ReturnFormSetup> {
  return { fields: await returnFieldsOf(db, eventId) };
}

/** Replaces the event's form by the set-up's, inside the caller's transaction. */
export async function applyReturnFormSetup(
  trx: Db,
  eventId: number,
  setup: ReturnFormSetup,
  actor: Actor,
): Promise<void> {
  const parsed = returnFormSetup.safeParse(setup);
  if (!parsed.success) {
    refuseInvalid(parsed.error, (path) => path.map(String).join('.') || 'fields');
  }
  await writeFields(trx, actor, eventId, parsed.data.fields, 'any');
}
