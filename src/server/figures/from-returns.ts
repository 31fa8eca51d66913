// A unit's submitted return feeds the key figures its number fields name, in the submit's own
// transaction. Observations are never edited, so a resubmission adds one more observation, and
// the key-figure rule (aggregation.ts: per unit, the latest observation in the period) makes the
// latest submission the unit's value for the period.
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import type { Actor } from '../http/actor.ts';
import type { Period } from '../../core/time.ts';
import type { FieldFigure } from '../../contract/return-forms.ts';
import {
  type FigureRow,
  insertFigure,
  insertObservations,
  listFiguresOfEvent,
} from './repository.ts';

/** What a submitted return tells the figures: whose it is, for which period, sent when. */
export interface SubmittedReturn {
  eventId: number;
  unitId: number;
  period: Period;
  submittedAt: Date;
  internal: boolean;
}

/**
 * The instant a return's figures are observed at: the submit time, held inside the return's
 * period. The series place a value in the period of its observation time, so a late return for
 * an earlier period still counts in that period (at its last millisecond), and a later
 * resubmission is always observed no earlier than the one before it.
 */
export function observedAtOf(period: Period, submittedAt: Date): Date {
  const last = period.end.getTime() - 1;
  const instant = Math.min(Math.max(submittedAt.getTime(), period.start.getTime()), last);
  return new Date(instant);
}

/**
 * A figure key made from its name: lower case, letters a–ö and digits, hyphens between words
 * ("Disponibla IVA-platser" → "disponibla-iva-platser"), made unique within the event.
 */
export function keyOfName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9åäö]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'nyckeltal';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}-${suffix}`;
  return key;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The event's figure of that name, created (not internal, higher is worse) when it has none. */
async function figureNamed(
  trx: Db,
  actor: Actor,
  eventId: number,
  figures: FigureRow[],
  wanted: FieldFigure,
  at: string,
): Promise<FigureRow> {
  const found = figures.find((figure) => sameName(figure.name, wanted.name));
  if (found) return found;
  const created = await insertFigure(trx, {
    event_id: eventId,
    key: keyOfName(wanted.name, new Set(figures.map((figure) => figure.key))),
    name: wanted.name.trim(),
    unit_of_measure: wanted.unit.slice(0, 20),
    higher_is_worse: 1,
    yellow_threshold: null,
    red_threshold: null,
    internal: 0,
    created_by: actor.userId,
    created_at: at,
    source: 'return',
    updated_by: actor.userId,
    updated_at: at,
  });
  await recordAudit(trx, actor, {
    action: 'figure.create',
    entityType: 'figure',
    entityId: created.id,
    eventId,
    after: created,
  });
  figures.push(created);
  return created;
}

/**
 * Records the values of a submitted return's number fields as observations of their figures,
 * for the unit. A field answered "uppgift saknas" records nothing: the unit's value for the
 * period stays what it was, and a missing value is never 0.
 */
export async function recordReturnFigures(
  trx: Db,
  actor: Actor,
  submitted: SubmittedReturn,
  fieldFigures: readonly FieldFigure[],
): Promise<void> {
  const valued = fieldFigures.filter((figure) => figure.value !== null);
  if (valued.length === 0) return;
  const at = submitted.submittedAt.toISOString();
  const observedAt = observedAtOf(submitted.period, submitted.submittedAt).toISOString();
  const figures = await listFiguresOfEvent(trx, submitted.eventId);
  for (const wanted of valued) {
    const figure = await figureNamed(trx, actor, submitted.eventId, figures, wanted, at);
    const [observation] = await insertObservations(trx, [
      {
        event_id: submitted.eventId,
        definition_id: figure.id,
        value: wanted.value!,
        observed_at: observedAt,
        unit_id: submitted.unitId,
        facility_id: null,
        source: 'return',
        internal: submitted.internal ? 1 : 0,
        entered_by: actor.userId,
        created_at: at,
      },
    ]);
    await recordAudit(trx, actor, {
      action: 'figure.observation.create',
      entityType: 'figure_observation',
      entityId: observation!.id,
      eventId: submitted.eventId,
      after: observation,
    });
  }
}
