import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { RiskAssessmentsTable, RisksTable } from './tables.ts';

export type RiskRow = Selectable<RisksTable>;
export type RiskAssessmentRow = Selectable<RiskAssessmentsTable>;

function visible(db: Db, eventId: number, includeInternal: boolean) {
  const query = db.selectFrom('risks').where('event_id', '=', eventId);
  return includeInternal ? query : query.where('internal', '=', 0);
}

/** Highest current score first. */
export async function listRisks(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<{ rows: RiskRow[]; total: number }> {
  const rows = await visible(db, eventId, includeInternal)
    .selectAll()
    .orderBy((eb) => eb('likelihood', '*', eb.ref('consequence')), page.order)
    .orderBy('id', 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { total } = await visible(db, eventId, includeInternal)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

export function allRisks(db: Db, eventId: number, includeInternal: boolean): Promise<RiskRow[]> {
  return visible(db, eventId, includeInternal).selectAll().orderBy('id').execute();
}

export function findRisk(db: Db, eventId: number, id: number): Promise<RiskRow | undefined> {
  return db
    .selectFrom('risks')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertRisk(db: Db, row: Insertable<RisksTable>): Promise<RiskRow> {
  return db.insertInto('risks').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateRisk(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<RiskRow, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>,
): Promise<RiskRow | undefined> {
  return db
    .updateTable('risks')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function insertAssessment(
  db: Db,
  row: Insertable<RiskAssessmentsTable>,
): Promise<RiskAssessmentRow> {
  return db.insertInto('risk_assessments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Oldest first, per risk. */
export async function assessmentsOf(
  db: Db,
  riskIds: number[],
): Promise<Map<number, RiskAssessmentRow[]>> {
  const history = new Map<number, RiskAssessmentRow[]>(riskIds.map((id) => [id, []]));
  if (riskIds.length === 0) return history;
  const rows = await db
    .selectFrom('risk_assessments')
    .selectAll()
    .where('risk_id', 'in', riskIds)
    .orderBy('assessed_at')
    .orderBy('id')
    .execute();
  for (const row of rows) history.get(row.risk_id)!.push(row);
  return history;
}
