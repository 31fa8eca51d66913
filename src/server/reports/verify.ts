import type { Db } from '../db/schema.ts';
import { allSnapshots } from './repository.ts';
import { contentHash } from './snapshot.ts';

export interface VerifyResult {
  checked: number;
  mismatches: { id: number; eventId: number; number: number; revision: number; audience: string }[];
}

/** Recomputes the SHA-256 of every published snapshot and lists those that no longer match. */
export async function verifySnapshots(db: Db): Promise<VerifyResult> {
  const rows = await allSnapshots(db);
  const mismatches = rows
    .filter((row) => contentHash(row.snapshot_json) !== row.content_hash)
    .map((row) => ({
      id: row.id,
      eventId: row.event_id,
      number: row.number,
      revision: row.revision,
      audience: row.audience,
    }));
  return { checked: rows.length, mismatches };
}
