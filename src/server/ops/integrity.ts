import { type ChainHead, sealAuditTrail, verifyAuditChain } from '../audit/chain.ts';
import type { Db } from '../db/schema.ts';
import { verifySnapshots } from '../reports/verify.ts';

export interface IntegrityReport {
  snapshotsChecked: number;
  recordsChecked: number;
  head: ChainHead | null;
  /** One line per problem, for a person; empty when everything holds. */
  problems: string[];
}

const chainWords = {
  record_removed: 'has been removed',
  record_altered: 'has been changed (or an earlier link was)',
  link_removed: 'is missing from the chain',
} as const;

/**
 * Seals the audit records not yet chained, then checks every published snapshot against its
 * hashes and the whole audit chain: what `lagesbild verify` and each start of the server run.
 */
export async function checkIntegrity(db: Db): Promise<IntegrityReport> {
  const { head } = await sealAuditTrail(db);
  const snapshots = await verifySnapshots(db);
  const chain = await verifyAuditChain(db);
  const problems = [
    ...snapshots.mismatches.map(
      (bad) =>
        `Report ${bad.number} version ${bad.revision} (${bad.audience}) of event ${bad.eventId} ` +
        (bad.reason === 'content'
          ? 'does not match its hash'
          : 'has a hash other than the one its publication recorded'),
    ),
    ...chain.problems.map(
      (bad) =>
        `Audit chain link ${bad.seq}${bad.recordId === null ? '' : ` (record ${bad.recordId})`} ` +
        chainWords[bad.problem],
    ),
  ];
  return {
    snapshotsChecked: snapshots.checked,
    recordsChecked: chain.checked,
    head,
    problems,
  };
}

export function integritySummary(report: IntegrityReport): string {
  const head = report.head ? `, chain head ${report.head.seq} ${report.head.hash}` : '';
  return (
    `${report.snapshotsChecked} published snapshot(s) and ${report.recordsChecked} audit ` +
    `record(s) checked, ${report.problems.length} problem(s)${head}`
  );
}
