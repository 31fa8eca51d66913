import { fetchAllPages } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import {
  type SituationRow,
  findInputRequestForPeriod,
  findLatestInputRequest,
  listRequestedUnitStates,
  listSituations,
} from './repository.ts';

export type { SituationRow };
export { answersOfContent } from './answers.ts';

/** A unit as a report names it. */
export interface ReportingUnit {
  id: number;
  code: string;
  name: string;
}

/** What the units' situations give a report, read page after page so none is left out. */
export function situationsForReport(db: Db, eventId: number) {
  return {
    /**
     * The units asked to report for a period; without a request for that period, those asked
     * most recently, so that a unit that has fallen silent still shows as not reported; without
     * any request, the units that have reported for the period. In the order of their ids.
     */
    expectedUnits: async (period: string): Promise<ReportingUnit[]> => {
      const request =
        (await findInputRequestForPeriod(db, eventId, period)) ??
        (await findLatestInputRequest(db, eventId));
      if (request) {
        const states = await listRequestedUnitStates(db, request);
        return states
          .map((state) => ({ id: state.unit_id, code: state.code, name: state.name }))
          .sort((a, b) => a.id - b.id);
      }
      const rows = await fetchAllPages((page) =>
        listSituations(db, eventId, { period, includeInternal: true }, { ...page, order: 'asc' }),
      );
      return rows
        .map((row) => ({ id: row.unit_id, code: row.unit_code, name: row.unit_name }))
        .sort((a, b) => a.id - b.id);
    },
    /** Every situation one unit has recorded (internal ones too), newest period first. */
    ofUnit: (unitId: number): Promise<SituationRow[]> =>
      fetchAllPages((page) =>
        listSituations(db, eventId, { unitId, includeInternal: true }, { ...page, order: 'desc' }),
      ),
  };
}
