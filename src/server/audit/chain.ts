import { createHash } from 'node:crypto';
import { isPostgres } from '../db/migration-helpers.ts';
import type { Db } from '../db/schema.ts';
import {
  type AuditRecordRow,
  type ChainEntry,
  chainPage,
  insertChainEntries,
  lastChainEntry,
  lockChain,
  unsealedRecords,
} from './repository.ts';

const batchSize = 500;

/** SHA-256 over the previous link's hash and every column of the record. */
export function chainHash(previousHash: string, record: AuditRecordRow): string {
  const fields = [
    record.id,
    record.at,
    record.actor_user_id,
    record.actor_label,
    record.event_id,
    record.action,
    record.entity_type,
    record.entity_id,
    record.before_json,
    record.after_json,
    record.request_id,
  ];
  return createHash('sha256')
    .update(`${previousHash}\n${JSON.stringify(fields)}`)
    .digest('hex');
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Appends every committed record that is not in the chain yet, in id order. Records are sealed
 * after they commit rather than as they are written, so writers never wait on one another for the
 * chain; the background jobs seal every few seconds and `lagesbild verify` before it checks.
 */
export async function sealAuditTrail(db: Db): Promise<{ sealed: number; head: ChainHead | null }> {
  let sealed = 0;
  for (;;) {
    const added = await db.transaction().execute(async (trx) => {
      await lockChain(trx, isPostgres(trx));
      const last = await lastChainEntry(trx);
      const records = await unsealedRecords(trx, batchSize);
      const sealedAt = new Date().toISOString();
      let previous = { seq: last?.seq ?? 0, hash: last?.hash ?? '' };
      const entries: ChainEntry[] = records.map((record) => {
        previous = { seq: previous.seq + 1, hash: chainHash(previous.hash, record) };
        return { ...previous, record_id: record.id, sealed_at: sealedAt };
      });
      await insertChainEntries(trx, entries);
      return entries.length;
    });
    sealed += added;
    if (added < batchSize) break;
  }
  const head = await lastChainEntry(db);
  return { sealed, head: head ? { seq: head.seq, hash: head.hash } : null };
}

export interface ChainProblem {
  seq: number;
  recordId: number | null;
  problem: 'record_removed' | 'record_altered' | 'link_removed';
}

/**
 * Walks the chain from its start: a link whose record is gone, whose hash does not follow from
 * the previous link and the record as it is now, or a missing link, is a problem. Removing the
 * newest links together with their records leaves no trace here; the head that sealing logs does.
 */
export async function verifyAuditChain(
  db: Db,
): Promise<{ checked: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let previous: ChainHead = { seq: 0, hash: '' };
  let checked = 0;
  for (;;) {
    const page = await chainPage(db, previous.seq, batchSize);
    for (const { entry, record } of page) {
      // After a removed link the previous hash is unknown: only the record's presence is checked.
      const afterGap = entry.seq !== previous.seq + 1;
      for (let seq = previous.seq + 1; seq < entry.seq; seq++) {
        problems.push({ seq, recordId: null, problem: 'link_removed' });
      }
      if (!record) {
        problems.push({ seq: entry.seq, recordId: entry.record_id, problem: 'record_removed' });
      } else if (!afterGap && chainHash(previous.hash, record) !== entry.hash) {
        problems.push({ seq: entry.seq, recordId: entry.record_id, problem: 'record_altered' });
      }
      previous = { seq: entry.seq, hash: entry.hash };
      checked++;
    }
    if (page.length < batchSize) break;
  }
  return { checked, problems };
}
