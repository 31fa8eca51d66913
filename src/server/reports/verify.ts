import { recordsOfAction } from '../audit/repository.ts';
import type { Db } from '../db/schema.ts';
import { allSnapshots } from './repository.ts';
import { contentHash } from './snapshot.ts';

export interface VerifyResult {
  checked: number;
  mismatches: {
    id: number;
    eventId: number;
    number: number;
    revision: number;
    audience: string;
    /** content: the text no longer gives its hash; audit: the hash is not the one published. */
    reason: 'content' | 'audit';
  }[];
}

/**
 * Recomputes the SHA-256 of every published snapshot and compares it with the stored hash and
 * with the hash the publication's audit record holds (chained, so a snapshot rewritten together
 * with its hash is found as well). Publications recorded before hashes were audited have only
 * the first check.
 */
export async function verifySnapshots(db: Db): Promise<VerifyResult> {
  const rows = await allSnapshots(db);
  const published = await publishedHashes(db);
  const mismatches = rows.flatMap((row) => {
    const audited = published.get(`${row.report_id}:${row.audience}`) ?? row.content_hash;
    const reason =
      contentHash(row.snapshot_json) !== row.content_hash
        ? ('content' as const)
        : audited !== row.content_hash
          ? ('audit' as const)
          : null;
    if (!reason) return [];
    const { id, event_id: eventId, number, revision, audience } = row;
    return [{ id, eventId, number, revision, audience, reason }];
  });
  return { checked: rows.length, mismatches };
}

/** `reportId:audience` → the snapshot hash its publication's audit record holds. */
async function publishedHashes(db: Db): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const record of await recordsOfAction(db, 'report.publish')) {
    const after = JSON.parse(record.after_json ?? '{}') as {
      snapshotHashes?: Record<string, string>;
    };
    for (const [audience, hash] of Object.entries(after.snapshotHashes ?? {})) {
      hashes.set(`${record.entity_id}:${audience}`, hash);
    }
  }
  return hashes;
}
