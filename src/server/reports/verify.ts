import { recordsOfAction } from '../audit/repository.ts';
import type { Db } from '../db/schema.ts';
import { type SnapshotRow, snapshotsAfter } from './repository.ts';
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
  const published = await publishedHashes(db);
  const mismatches: VerifyResult['mismatches'] = [];
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const page = await snapshotsAfter(db, afterId, snapshotPageSize);
    for (const row of page) {
      const reason = mismatchOf(row, published);
      if (reason) {
        const { id, event_id: eventId, number, revision, audience } = row;
        mismatches.push({ id, eventId, number, revision, audience, reason });
      }
    }
    checked += page.length;
    if (page.length < snapshotPageSize) break;
    afterId = page.at(-1)!.id;
  }
  return { checked, mismatches };
}

/** A page of snapshots at a time keeps the start-up check's memory small (each can be 1 MB). */
const snapshotPageSize = 8;

function mismatchOf(
  row: SnapshotRow,
  published: Map<string, string>,
): VerifyResult['mismatches'][number]['reason'] | null {
  const audited = published.get(`${row.report_id}:${row.audience}`) ?? row.content_hash;
  if (contentHash(row.snapshot_json) !== row.content_hash) return 'content';
  return audited !== row.content_hash ? 'audit' : null;
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
