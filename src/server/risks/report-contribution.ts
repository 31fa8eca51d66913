import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import { type RiskAssessmentRow, type RiskRow, assessmentsOf, listRisks } from './repository.ts';

export type { RiskAssessmentRow, RiskRow };

/** What the risks give a report: every risk, highest risk value first, with its assessments. */
export async function risksForReport(
  db: Db,
  eventId: number,
): Promise<{ risks: RiskRow[]; history: Map<number, RiskAssessmentRow[]> }> {
  const risks = await fetchAllPages((page) =>
    listRisks(db, eventId, true, { ...page, order: 'desc' }),
  );
  const history = await assessmentsOf(
    db,
    risks.map((risk) => risk.id),
  );
  return { risks, history };
}
