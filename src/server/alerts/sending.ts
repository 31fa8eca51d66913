// Sends recorded alerts on: by e-mail through the mailer, and by SMS through the gateway's
// webhook, which may reach only the addresses outbound requests may (OUTBOUND_ALLOW_LIST).
import type { Db } from '../db/schema.ts';
import { outboundRequest } from '../feeds/outbound.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findUserById } from '../users/repository.ts';
import { type AlertRow, claimPending, markSendState } from './repository.ts';

export interface AlertSending {
  mailer: Mailer | null;
  /** The SMS gateway's webhook; null when the installation has none. */
  smsWebhookUrl: string | null;
  allowedAddresses: readonly string[];
  publicUrl: string;
}

const batch = 20;

export async function sendPendingAlerts(db: Db, sending: AlertSending): Promise<number> {
  let sent = 0;
  if (sending.mailer) {
    const mailer = sending.mailer;
    sent += await sendEach(db, 'email_state', (alert, to) =>
      mailer.send({
        to: to.email,
        subject: `Larm: ${alert.text}`,
        text: `${alert.text}\n\n${sending.publicUrl}${alert.link}\n`,
        html: `<p>${escapeHtml(alert.text)}</p><p><a href="${escapeHtml(sending.publicUrl + alert.link)}">Öppna i Lägesbild</a></p>`,
      }),
    );
  }
  const webhook = sending.smsWebhookUrl;
  if (webhook) {
    sent += await sendEach(db, 'sms_state', async (alert, to) => {
      const response = await outboundRequest(new URL(webhook), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Lagesbild-Alert/1' },
        body: JSON.stringify({ user: { email: to.email, name: to.name }, text: alert.text }),
        timeoutMs: 10_000,
        maxBytes: 64_000,
        allowedAddresses: sending.allowedAddresses,
      });
      if (response.status >= 300) throw new Error(`SMS-tjänsten svarade ${response.status}.`);
    });
  }
  return sent;
}

async function sendEach(
  db: Db,
  channel: 'email_state' | 'sms_state',
  send: (alert: AlertRow, to: { email: string; name: string }) => Promise<void>,
): Promise<number> {
  let sent = 0;
  for (const alert of await claimPending(db, channel, batch)) {
    try {
      const user = await findUserById(db, alert.user_id);
      if (!user) throw new Error('Användaren finns inte.');
      await send(alert, user);
      sent += 1;
    } catch {
      await markSendState(db, alert.id, channel, 'failed');
    }
  }
  return sent;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
