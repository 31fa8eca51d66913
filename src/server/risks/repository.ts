import type { Insertable, Selectable } from 'kysely';
import { type PageRequest, type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { RiskAssessmentsTable, RisksTable } from './tables.ts';

export type RiskRow = Selectable<RisksTable>;
export type RiskAssessmentRow = Selectable<RiskAssessmentsTable>;

function visible(db: Db, eventId: number, includeInternal: boolean) {
  const query = db.selectFrom('risks').where('event_id', '=', eventId);
  return includeInternal ? query : query.where('internal', '=', 0);
}

/** Highest current score first. */
export function listRisks(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  page: PageRequest & { order: 'asc' | 'desc' },
): Promise<Rows<RiskRow>> {
  return fetchPage(
    visible(db, eventId, includeInternal),
    (query) =>
      query
        .selectAll()
        .orderBy((eb) => eb('likelihood', '*', eb.ref('consequence')), page.order)
        .orderBy('id', 'asc'),
    page,
  );
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
  return updateVersioned(db, 'risks', id, expectedVersion, changes);
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
