import type { z } from 'zod';
import type { Page } from '../../contract/list.ts';
import type {
  Assessment,
  Risk,
  RiskDirection,
  RiskWithAssessments,
  assessRiskBody,
  createRiskBody,
  riskExportQuery,
  riskListQuery,
  updateRiskBody,
} from '../../contract/risks.ts';
import { recordAudit } from '../audit/record.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { presentProvenance } from '../db/provenance.ts';
import type { Db } from '../db/schema.ts';
import { eventTimeZone } from '../events/service.ts';
import type { CsvExport } from '../http/csv.ts';
import { riskCsvColumns } from './csv.ts';
import { isoInstant } from '../../core/time.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import {
  type RiskAssessmentRow,
  type RiskRow,
  assessmentsOf,
  findRisk,
  insertAssessment,
  insertRisk,
  listRisks,
  updateRisk,
} from './repository.ts';

/** The last assessment against the one before it; null until the risk has been reassessed. */
export function trendOf(history: RiskAssessmentRow[]): Risk['trend'] {
  const [previous, last] = history.slice(-2);
  if (!previous || !last) return null;
  const before = previous.likelihood * previous.consequence;
  const now = last.likelihood * last.consequence;
  const direction: RiskDirection = now > before ? 'rising' : now < before ? 'falling' : 'unchanged';
  return { direction, previousScore: before, previousAssessedAt: previous.assessed_at };
}

export function presentRisk(row: RiskRow, history: RiskAssessmentRow[]): Risk {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    description: row.description,
    likelihood: row.likelihood,
    consequence: row.consequence,
    score: row.likelihood * row.consequence,
    mitigation: row.mitigation,
    owner: row.owner,
    lastAssessedAt: history.at(-1)?.assessed_at ?? null,
    trend: trendOf(history),
    internal: row.internal === 1,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

export function presentAssessment(row: RiskAssessmentRow): Assessment {
  return {
    id: row.id,
    likelihood: row.likelihood,
    consequence: row.consequence,
    score: row.likelihood * row.consequence,
    mitigation: row.mitigation,
    assessedBy: row.assessed_by,
    assessedAt: row.assessed_at,
    comment: row.comment,
  };
}

async function presentAll(db: Db, rows: RiskRow[]): Promise<Risk[]> {
  const history = await assessmentsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentRisk(row, history.get(row.id)!));
}

/** One page of the event's risks, highest current score first (or last). */
export async function riskPage(
  db: Db,
  eventId: number,
  query: z.infer<typeof riskListQuery>,
  includeInternal: boolean,
): Promise<Page<Risk>> {
  return answerPage(
    query,
    (page) => listRisks(db, eventId, includeInternal, page),
    (rows) => presentAll(db, rows),
  );
}

/** Every risk of the event, for an export. */
export async function riskExport(
  db: Db,
  eventId: number,
  query: z.infer<typeof riskExportQuery>,
  includeInternal: boolean,
): Promise<CsvExport<Risk>> {
  const rows = await fetchAllPages((page) =>
    listRisks(db, eventId, includeInternal, { ...page, order: query.order }),
  );
  const items = await presentAll(db, rows);
  return {
    name: 'risker',
    columns: riskCsvColumns,
    items,
    timeZone: await eventTimeZone(db, eventId),
  };
}

/** One risk and every assessment of it; an internal one only for those who may read it. */
export async function riskWithAssessments(
  db: Db,
  eventId: number,
  riskId: number,
  includeInternal: boolean,
): Promise<RiskWithAssessments> {
  const risk = await findRisk(db, eventId, riskId);
  if (!risk || (risk.internal === 1 && !includeInternal)) throw errors.notFound('Risken');
  const history = (await assessmentsOf(db, [riskId])).get(riskId)!;
  return { ...presentRisk(risk, history), assessments: history.map(presentAssessment) };
}

export async function createRisk(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createRiskBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const risk = await insertRisk(trx, {
      event_id: eventId,
      title: input.title,
      description: input.description,
      likelihood: input.likelihood,
      consequence: input.consequence,
      mitigation: input.mitigation,
      owner: input.owner,
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      source,
      updated_by: actor.userId,
      updated_at: now,
    });
    const assessment = await insertAssessment(trx, {
      risk_id: risk.id,
      likelihood: input.likelihood,
      consequence: input.consequence,
      mitigation: input.mitigation,
      assessed_by: actor.userId,
      assessed_at: input.assessedAt ? isoInstant(input.assessedAt) : now,
      comment: input.comment,
    });
    await recordAudit(trx, actor, {
      action: 'risk.create',
      entityType: 'risk',
      entityId: risk.id,
      eventId,
      after: { ...risk, assessment },
    });
    return presentRisk(risk, [assessment]);
  });
}

export async function changeRisk(
  db: Db,
  actor: Actor,
  eventId: number,
  riskId: number,
  input: z.infer<typeof updateRiskBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await loadRisk(trx, eventId, riskId);
    const history = (await assessmentsOf(trx, [riskId])).get(riskId)!;
    const updated = await updateRisk(trx, riskId, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.owner !== undefined && { owner: input.owner }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentRisk(before, history));
    await recordAudit(trx, actor, {
      action: 'risk.update',
      entityType: 'risk',
      entityId: riskId,
      eventId,
      before,
      after: updated,
    });
    return presentRisk(updated, history);
  });
}

/** Records a reassessment and makes it the risk's current score, as one new version. */
export async function assessRisk(
  db: Db,
  actor: Actor,
  eventId: number,
  riskId: number,
  input: z.infer<typeof assessRiskBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await loadRisk(trx, eventId, riskId);
    const history = (await assessmentsOf(trx, [riskId])).get(riskId)!;
    const now = new Date().toISOString();
    const assessedAt = input.assessedAt ? isoInstant(input.assessedAt) : now;
    const latest = history.at(-1);
    if (latest && assessedAt < latest.assessed_at) {
      throw errors.badRequest('En ny bedömning kan inte ligga före den senaste bedömningen.', {
        field: 'assessedAt',
      });
    }
    const mitigation = input.mitigation ?? before.mitigation;
    const updated = await updateRisk(trx, riskId, input.version, {
      likelihood: input.likelihood,
      consequence: input.consequence,
      mitigation,
      updated_by: actor.userId,
      updated_at: now,
    });
    if (!updated) throw errors.conflict(presentRisk(before, history));
    const assessment = await insertAssessment(trx, {
      risk_id: riskId,
      likelihood: input.likelihood,
      consequence: input.consequence,
      mitigation,
      assessed_by: actor.userId,
      assessed_at: assessedAt,
      comment: input.comment,
    });
    await recordAudit(trx, actor, {
      action: 'risk.assess',
      entityType: 'risk',
      entityId: riskId,
      eventId,
      before,
      after: { ...updated, assessment },
    });
    const newHistory = [...history, assessment];
    return { ...presentRisk(updated, newHistory), assessments: newHistory.map(presentAssessment) };
  });
}

async function loadRisk(db: Db, eventId: number, riskId: number): Promise<RiskRow> {
  const risk = await findRisk(db, eventId, riskId);
  if (!risk) throw errors.notFound('Risken');
  return risk;
}
