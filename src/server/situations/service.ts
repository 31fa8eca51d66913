import { type EventGrant, draftReadableUnits, isAllowed } from '../../core/access.ts';
import { type Period, parsePeriod, periodLabel, previousPeriod } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import type { EventRow } from '../events/repository.ts';
import { requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import type { Page } from '../../contract/list.ts';
import { indexForSearch } from '../search/index-document.ts';
import { activeLevelKeysByKind } from '../scales/service.ts';
import { findUnit } from '../units/repository.ts';
import {
  type SituationRow,
  type SituationVersionRow,
  nextVersionNumber,
  findSituation,
  findSituationOfUnit,
  insertSituation,
  insertSituationVersion,
  listLatestSituations,
  listSituationVersions,
  listSituations,
  updateSituation,
} from './repository.ts';
import type {
  KeyFigureValue,
  SaveSituationInput,
  Situation,
  SituationList,
  SituationPrefill,
  SituationVersion,
  SituationWithVersions,
  situationListQuery,
} from '../../contract/situations.ts';
import type { z } from 'zod';
import type { SituationContent } from './tables.ts';
import {
  type AnswerScales,
  type Answers,
  type ReturnField,
  fieldFigures,
} from '../../contract/return-forms.ts';
import { recordReturnFigures } from '../figures/from-returns.ts';
import { returnFieldsOf } from '../return-forms/service.ts';
import {
  answersOfContent,
  answersOfForm,
  answersOfInput,
  checkAnswers,
  columnsOfAnswers,
} from './answers.ts';
import { type SituationState } from '../../contract/situations.ts';
import { requireExistingUnitInEvent } from '../event-units/service.ts';

export interface UnitPeriod {
  eventId: number;
  unitId: number;
  period: string;
}

export interface PageRequest {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

const editableStates: SituationState[] = ['draft', 'returned'];

type KeyFigure = KeyFigureValue;

function presentContent(content: SituationContent) {
  return {
    overallStatus: content.overall_status,
    areas: {
      accessToCare: content.access_to_care_status,
      patientSafety: content.patient_safety_status,
      staff: content.staff_status,
      itProgramme: content.it_programme_status,
      communication: content.communication_status,
    },
    prognosis: content.prognosis,
    bullets: content.bullets,
    keyFigures: JSON.parse(content.key_figures) as KeyFigure[],
    internal: content.internal === 1,
    answers: JSON.parse(content.answers) as Answers,
  };
}

export function presentSituation(situation: SituationRow): Situation {
  return {
    id: situation.id,
    eventId: situation.event_id,
    unit: { id: situation.unit_id, code: situation.unit_code, name: situation.unit_name },
    period: situation.period,
    state: situation.state,
    ...presentContent(situation),
    returnComment: situation.return_comment,
    submittedBy: situation.submitted_by,
    submittedAt: situation.submitted_at,
    reviewedBy: situation.reviewed_by,
    reviewedAt: situation.reviewed_at,
    provenance: {
      createdBy: situation.created_by,
      createdAt: situation.created_at,
      source: situation.source,
      updatedBy: situation.updated_by,
      updatedAt: situation.updated_at,
    },
    version: situation.version,
  };
}

function presentVersion(version: SituationVersionRow): SituationVersion {
  return {
    number: version.number,
    situationVersion: version.situation_version,
    submittedBy: version.submitted_by,
    submittedAt: version.submitted_at,
    ...presentContent(version),
  };
}

/** The columns of a save request, its answers checked against the event's form. */
async function contentOf(
  trx: Db,
  eventId: number,
  input: SaveSituationInput,
): Promise<SituationContent> {
  const answers = answersOfInput(input);
  checkAnswers(
    await returnFieldsOf(trx, eventId),
    answers,
    'draft',
    await answerScalesOf(trx, eventId),
  );
  return {
    ...columnsOfAnswers(answers),
    key_figures: JSON.stringify(input.keyFigures),
    internal: input.internal ? 1 : 0,
  };
}

function copyContent(situation: SituationRow): SituationContent {
  return {
    overall_status: situation.overall_status,
    access_to_care_status: situation.access_to_care_status,
    patient_safety_status: situation.patient_safety_status,
    staff_status: situation.staff_status,
    it_programme_status: situation.it_programme_status,
    communication_status: situation.communication_status,
    prognosis: situation.prognosis,
    bullets: situation.bullets,
    key_figures: situation.key_figures,
    internal: situation.internal,
    answers: situation.answers,
  };
}

/** A period key must exist and match the event's granularity (weeks, or days for a daily event). */
export function resolvePeriod(event: EventRow, key: string, field = 'period'): Period {
  let period: Period;
  try {
    period = parsePeriod(key, event.time_zone);
  } catch {
    throw errors.badRequest(`Perioden ${key} finns inte i kalendern.`, { field });
  }
  if (period.granularity !== event.period_granularity) {
    const example =
      event.period_granularity === 'week'
        ? 'vecka, till exempel 2024-W45'
        : 'dag, till exempel 2024-11-05';
    throw errors.badRequest(`Händelsen rapporteras per ${example}.`, { field });
  }
  return period;
}

async function loadSituation(db: Db, eventId: number, situationId: number) {
  const situation = await findSituation(db, eventId, situationId);
  if (!situation) throw errors.notFound('Lägesbilden');
  return situation;
}

async function loadSituationOfUnit(db: Db, where: UnitPeriod) {
  const situation = await findSituationOfUnit(db, where.eventId, where.unitId, where.period);
  if (!situation) throw errors.notFound('Lägesbilden');
  return situation;
}

function refuseStale(situation: SituationRow, expectedVersion: number): void {
  if (situation.version !== expectedVersion) throw errors.conflict(presentSituation(situation));
}

function refuseState(situation: SituationRow, allowed: SituationState[], message: string): void {
  if (!allowed.includes(situation.state)) {
    throw errors.wrongState(message, { current: presentSituation(situation) });
  }
}

/** Applies a versioned change and answers the row as stored, or 409 with the current row. */
async function changeSituation(
  trx: Db,
  before: SituationRow,
  expectedVersion: number,
  changes: Parameters<typeof updateSituation>[3],
): Promise<SituationRow> {
  const updated = await updateSituation(trx, before.id, expectedVersion, changes);
  if (!updated) {
    throw errors.conflict(
      presentSituation((await findSituation(trx, before.event_id, before.id))!),
    );
  }
  return { ...updated, unit_code: before.unit_code, unit_name: before.unit_name };
}

/** Creates the unit's draft for the period, or replaces the content of its editable draft. */
export async function saveSituation(
  db: Db,
  actor: Actor,
  where: UnitPeriod,
  input: SaveSituationInput,
  at = new Date(),
): Promise<{ situation: Situation; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, where.eventId);
    const period = resolvePeriod(event, where.period);
    await requireExistingUnitInEvent(trx, where.eventId, where.unitId);
    const stamp = at.toISOString();
    const content = await contentOf(trx, where.eventId, input);
    const existing = await findSituationOfUnit(trx, where.eventId, where.unitId, where.period);
    if (!existing) {
      const inserted = await insertSituation(trx, {
        event_id: where.eventId,
        unit_id: where.unitId,
        period: period.key,
        period_start: period.start.toISOString(),
        state: 'draft',
        ...content,
        created_by: actor.userId,
        created_at: stamp,
        source: 'manual',
        updated_by: actor.userId,
        updated_at: stamp,
      });
      const created = await findSituationOfUnit(trx, where.eventId, where.unitId, where.period);
      if (!inserted) throw errors.conflict(presentSituation(created!));
      await recordAudit(trx, actor, {
        action: 'situation.create',
        entityType: 'unit_situation',
        entityId: created!.id,
        eventId: where.eventId,
        after: created,
      });
      return { situation: presentSituation(created!), created: true };
    }
    if (input.version === undefined) {
      throw errors.badRequest('Lägesbilden finns redan; ange versionen du utgick från.', {
        field: 'version',
      });
    }
    refuseStale(existing, input.version);
    refuseState(
      existing,
      editableStates,
      'Lägesbilden är inskickad och kan inte ändras förrän staben har returnerat den.',
    );
    const updated = await changeSituation(trx, existing, input.version, {
      ...content,
      updated_by: actor.userId,
      updated_at: stamp,
    });
    await recordAudit(trx, actor, {
      action: 'situation.update',
      entityType: 'unit_situation',
      entityId: existing.id,
      eventId: where.eventId,
      before: existing,
      after: updated,
    });
    return { situation: presentSituation(updated), created: false };
  });
}

/** Sends the draft (or a returned situation) to the staff and keeps a copy of what was sent. */
export async function submitSituation(
  db: Db,
  actor: Actor,
  where: UnitPeriod,
  expectedVersion: number,
  at = new Date(),
): Promise<Situation> {
  return db.transaction().execute(async (trx) => {
    const event = await requireEvent(trx, where.eventId);
    const period = resolvePeriod(event, where.period);
    const before = await loadSituationOfUnit(trx, where);
    refuseStale(before, expectedVersion);
    refuseState(before, editableStates, 'Lägesbilden är redan inskickad.');
    const fields = await returnFieldsOf(trx, where.eventId);
    refuseIncomplete(before, fields, await answerScalesOf(trx, where.eventId));
    const stamp = at.toISOString();
    const submitted = await changeSituation(trx, before, expectedVersion, {
      state: 'submitted',
      return_comment: null,
      submitted_by: actor.userId,
      submitted_at: stamp,
      reviewed_by: null,
      reviewed_at: null,
      updated_by: actor.userId,
      updated_at: stamp,
    });
    await insertSituationVersion(trx, {
      situation_id: submitted.id,
      event_id: submitted.event_id,
      unit_id: submitted.unit_id,
      period: submitted.period,
      number: nextVersionNumber(submitted.id),
      situation_version: submitted.version,
      submitted_by: actor.userId,
      submitted_at: stamp,
      ...copyContent(submitted),
    });
    await indexForSearch(trx, {
      eventId: submitted.event_id,
      kind: 'unit_situation',
      entityId: submitted.id,
      unitId: submitted.unit_id,
      title: `${submitted.unit_name}: lägesbild ${periodLabel(submitted.period, 'sv')}`,
      body: searchText(submitted),
      internal: submitted.internal === 1,
      at: stamp,
    });
    await recordReturnFigures(
      trx,
      actor,
      {
        eventId: submitted.event_id,
        unitId: submitted.unit_id,
        period,
        submittedAt: at,
        internal: submitted.internal === 1,
      },
      fieldFigures(fields, answersOfForm(fields, answersOfContent(submitted))),
    );
    await recordAudit(trx, actor, {
      action: 'situation.submit',
      entityType: 'unit_situation',
      entityId: submitted.id,
      eventId: submitted.event_id,
      before,
      after: submitted,
    });
    return presentSituation(submitted);
  });
}

/** A return is sent only when it answers every required field of the form as it is now. */
function refuseIncomplete(
  situation: SituationRow,
  fields: ReturnField[],
  scales: AnswerScales,
): void {
  checkAnswers(fields, answersOfForm(fields, answersOfContent(situation)), 'submit', scales);
}

/** The levels a return may choose now: the active ones of the event's scales. */
async function answerScalesOf(db: Db, eventId: number): Promise<AnswerScales> {
  const keys = await activeLevelKeysByKind(db, eventId);
  return { statuses: keys.status, prognoses: keys.prognosis };
}

function searchText(situation: SituationRow): string {
  const figures = (JSON.parse(situation.key_figures) as KeyFigure[]).map((figure) =>
    `${figure.name}: ${figure.value} ${figure.unit}`.trim(),
  );
  const answers = Object.values(JSON.parse(situation.answers) as Answers).filter(
    (answer): answer is string => typeof answer === 'string',
  );
  return [situation.unit_code, situation.bullets, ...figures, ...answers].join('\n');
}

/** The staff send a submitted situation back to the unit, saying what to change. */
export async function returnSituation(
  db: Db,
  actor: Actor,
  eventId: number,
  situationId: number,
  input: { version: number; comment: string },
  at = new Date(),
): Promise<Situation> {
  return reviewSituation(db, actor, eventId, situationId, input.version, at, {
    state: 'returned',
    returnComment: input.comment,
    action: 'situation.return',
  });
}

export async function acceptSituation(
  db: Db,
  actor: Actor,
  eventId: number,
  situationId: number,
  expectedVersion: number,
  at = new Date(),
): Promise<Situation> {
  return reviewSituation(db, actor, eventId, situationId, expectedVersion, at, {
    state: 'accepted',
    returnComment: null,
    action: 'situation.accept',
  });
}

async function reviewSituation(
  db: Db,
  actor: Actor,
  eventId: number,
  situationId: number,
  expectedVersion: number,
  at: Date,
  outcome: { state: 'returned' | 'accepted'; returnComment: string | null; action: string },
): Promise<Situation> {
  return db.transaction().execute(async (trx) => {
    const before = await loadSituation(trx, eventId, situationId);
    refuseStale(before, expectedVersion);
    refuseState(before, ['submitted'], 'Bara en inskickad lägesbild kan granskas.');
    const stamp = at.toISOString();
    const reviewed = await changeSituation(trx, before, expectedVersion, {
      state: outcome.state,
      return_comment: outcome.returnComment,
      reviewed_by: actor.userId,
      reviewed_at: stamp,
      updated_by: actor.userId,
      updated_at: stamp,
    });
    await recordAudit(trx, actor, {
      action: outcome.action,
      entityType: 'unit_situation',
      entityId: situationId,
      eventId,
      before,
      after: reviewed,
    });
    return presentSituation(reviewed);
  });
}

/** One page of the event's situations the viewer may read, filtered as the query says. */
export async function situationPage(
  db: Db,
  eventId: number,
  query: z.infer<typeof situationListQuery>,
  viewer: SituationViewer,
): Promise<Page<Situation>> {
  const { limit, offset, order, ...filter } = query;
  const { rows, total } = await listSituations(
    db,
    eventId,
    { ...filter, ...viewer },
    { limit, offset, order },
  );
  return { items: rows.map(presentSituation), total, limit, offset };
}

/** Each unit's newest sent situation up to the period, or of all periods when none is given. */
export async function latestSituations(
  db: Db,
  eventId: number,
  period: string | undefined,
  includeInternal: boolean,
): Promise<SituationList> {
  const startingBy = period
    ? resolvePeriod(await requireEvent(db, eventId), period).start.toISOString()
    : undefined;
  const rows = await listLatestSituations(db, eventId, { startingBy, includeInternal });
  return { items: rows.map(presentSituation) };
}

/** What the caller may read: internal situations, and the drafts of which units. */
export interface SituationViewer {
  includeInternal: boolean;
  draftUnits: 'all' | number[];
}

/** What the grants may read of the event's situations. */
export function viewerOf(grants: readonly EventGrant[]): SituationViewer {
  return {
    includeInternal: isAllowed(grants, 'internal.read'),
    draftUnits: draftReadableUnits(grants),
  };
}

/** Whether the viewer may read the situation: internal ones and drafts only for some. */
export function isVisibleTo(situation: SituationRow, viewer: SituationViewer): boolean {
  if (situation.internal === 1 && !viewer.includeInternal) return false;
  return (
    situation.state !== 'draft' ||
    viewer.draftUnits === 'all' ||
    viewer.draftUnits.includes(situation.unit_id)
  );
}

/**
 * One situation with every version submitted so far; internal ones only for those who may, and
 * a draft only for those who may write its unit's situation.
 */
export async function situationWithVersions(
  db: Db,
  eventId: number,
  situationId: number,
  viewer: SituationViewer,
): Promise<SituationWithVersions> {
  const situation = await findSituation(db, eventId, situationId);
  if (!situation || !isVisibleTo(situation, viewer)) throw errors.notFound('Lägesbilden');
  const versions = await listSituationVersions(db, situationId, viewer.includeInternal);
  return { ...presentSituation(situation), versions: versions.map(presentVersion) };
}

/** The unit's situation of the period before, as a starting point for a new one. */
export async function prefillSituation(
  db: Db,
  where: UnitPeriod,
  viewer: SituationViewer,
): Promise<SituationPrefill> {
  const event = await requireEvent(db, where.eventId);
  resolvePeriod(event, where.period);
  if (!(await findUnit(db, where.unitId))) throw errors.notFound('Enheten');
  const previous = await findSituationOfUnit(
    db,
    where.eventId,
    where.unitId,
    previousPeriod(where.period, event.time_zone).key,
  );
  if (!previous || !isVisibleTo(previous, viewer)) return { situation: null };
  return { situation: presentSituation(previous) };
}
