import type { Db } from '../../src/server/db/schema.ts';
import {
  deliveriesOfReport,
  markAttemptFailed,
  queueDeliveries,
} from '../../src/server/distribution/repository.ts';
import { publishedReports, snapshotOf } from '../../src/server/reports/repository.ts';

/**
 * An e-mail of the event's newest published report to `email` that the outbox gave up on after
 * its last attempt, with the relay's error: what a resend starts from.
 */
export async function failedDelivery(db: Db, eventId: number, email: string, error: string) {
  const report = (await publishedReports(db, eventId)).at(-1)!;
  const snapshot = (await snapshotOf(db, report.id, 'public'))!;
  const now = new Date().toISOString();
  await queueDeliveries(db, [
    {
      event_id: eventId,
      report_id: report.id,
      snapshot_id: snapshot.id,
      list_id: null,
      email,
      state: 'pending',
      attempts: 6,
      next_attempt_at: now,
      last_error: null,
      sent_at: null,
      created_at: now,
    },
  ]);
  const queued = (await deliveriesOfReport(db, report.id)).find((row) => row.email === email)!;
  await markAttemptFailed(db, queued.id, error, null);
  return { reportId: report.id, deliveryId: queued.id };
}
