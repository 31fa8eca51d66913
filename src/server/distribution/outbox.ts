import type { Database } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findSnapshotById } from '../reports/repository.ts';
import { verifiedSnapshot } from '../reports/snapshot.ts';
import {
  type DeliveryRow,
  claimDueDeliveries,
  findSubscriptionByEmail,
  markAttemptFailed,
  markDelivered,
} from './repository.ts';

const leaseMs = 5 * 60_000;
const maxAttempts = 6;

export interface OutboxOptions {
  publicUrl: string;
  now?: Date;
  batchSize?: number;
}

/** Back-off between attempts: 1, 2, 4, 8, 16 minutes; after the sixth failure the delivery fails. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** (attempts - 1);
}

/**
 * Sends the deliveries that are due. Rows are claimed before sending, so a crash before the send
 * leaves them to be taken again once their lease runs out; nothing is lost, and each delivery is
 * sent once unless the process dies between the SMTP answer and the database update.
 */
export async function deliverDue(database: Database, mailer: Mailer, options: OutboxOptions) {
  const now = options.now ?? new Date();
  const claimed = await claimDueDeliveries(database.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    limit: options.batchSize ?? 20,
    postgres: database.dialect === 'postgres',
  });
  const rendered = new Map<number, Promise<RenderedMail>>();
  let sent = 0;
  for (const delivery of claimed) {
    try {
      if (!rendered.has(delivery.snapshot_id)) {
        rendered.set(
          delivery.snapshot_id,
          renderMail(database, delivery.snapshot_id, options.publicUrl),
        );
      }
      const mail = await rendered.get(delivery.snapshot_id)!;
      const unsubscribe = await unsubscribeLink(database, delivery, options.publicUrl);
      await mailer.send({
        to: delivery.email,
        subject: mail.subject,
        text: unsubscribe ? `${mail.text}\n\nAvsluta prenumerationen: ${unsubscribe}\n` : mail.text,
        html: unsubscribe ? withUnsubscribeFooter(mail.html, unsubscribe) : mail.html,
        messageId: `<delivery-${delivery.id}@lagesbild>`,
        ...(unsubscribe && {
          headers: {
            'List-Unsubscribe': `<${unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }),
        attachments: [
          { filename: mail.pdfName, content: mail.pdf, contentType: 'application/pdf' },
        ],
      });
      await markDelivered(database.db, delivery.id, new Date().toISOString());
      sent += 1;
    } catch (error) {
      const retryAt =
        delivery.attempts >= maxAttempts
          ? null
          : new Date(now.getTime() + retryDelayMs(delivery.attempts)).toISOString();
      await markAttemptFailed(
        database.db,
        delivery.id,
        error instanceof Error ? error.message : String(error),
        retryAt,
      );
    }
  }
  return { claimed: claimed.length, sent };
}

/** Subscribers (not list members) get a personal one-click unsubscribe link. */
async function unsubscribeLink(database: Database, delivery: DeliveryRow, publicUrl: string) {
  if (delivery.list_id !== null) return null;
  const subscription = await findSubscriptionByEmail(
    database.db,
    delivery.event_id,
    delivery.email,
  );
  return subscription ? `${publicUrl}/unsubscribe/${subscription.token}` : null;
}

function withUnsubscribeFooter(html: string, url: string): string {
  const footer = `<p style="font-size:13px;color:#444">Du får rapporten för att du prenumererar. <a href="${url}">Avsluta prenumerationen</a>.</p>`;
  return html.replace('</body>', `${footer}</body>`);
}

interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  pdf: Buffer;
  pdfName: string;
}

async function renderMail(
  database: Database,
  snapshotId: number,
  publicUrl: string,
): Promise<RenderedMail> {
  const row = await findSnapshotById(database.db, snapshotId);
  if (!row) throw new Error(`snapshot ${snapshotId} is missing`);
  const { renderEmail, renderPdf } = await import('../../render/index.ts');
  const snapshot = verifiedSnapshot(row);
  const reportUrl = `${publicUrl}/r/${row.event_id}/${row.number}${row.audience === 'internal' ? '/intern' : ''}`;
  const mail = renderEmail(snapshot, { reportUrl });
  return {
    ...mail,
    pdf: await renderPdf(snapshot),
    pdfName: `regional-rapport-${row.number}${row.revision > 1 ? `-v${row.revision}` : ''}.pdf`,
  };
}
