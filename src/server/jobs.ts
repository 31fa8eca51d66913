import type { FastifyBaseLogger } from 'fastify';
import { raiseAlerts } from './alerts/service.ts';
import { sendPendingAlerts } from './alerts/sending.ts';
import { sealAuditTrail } from './audit/chain.ts';
import type { Database } from './db/database.ts';
import { deliverDue } from './distribution/outbox.ts';
import { defaultPullLimits, runDueFigurePulls } from './feeds/pull.ts';
import { deliverDueWebhooks, enqueueWebhookDeliveries } from './feeds/webhooks.ts';
import type { Mailer } from './mail/mailer.ts';
import { checkIntegrity, integritySummary } from './ops/integrity.ts';
import { sendDueReminders } from './situations/reminders.ts';

export interface BackgroundJobs {
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * E-mail reminders before reporting deadlines, delivery of published reports, scheduled figure
 * pulls and webhooks, and sealing new audit records into the hash chain, every `intervalMs`.
 * Each claims its rows in the database first, so several nodes never send or fetch twice. At
 * start the published reports and the whole audit chain are checked against their hashes.
 */
export function startBackgroundJobs(options: {
  database: Database;
  /** Null without an SMTP relay: mail then waits in the outbox. */
  mailer: Mailer | null;
  publicUrl: string;
  logger: FastifyBaseLogger;
  intervalMs: number;
  /** Internal addresses figure pulls and webhooks may reach (OUTBOUND_ALLOW_LIST). */
  allowedAddresses: readonly string[];
  /** The SMS gateway's webhook for alerts (ALERT_SMS_WEBHOOK_URL). */
  smsWebhookUrl?: string | undefined;
}): BackgroundJobs {
  const { database, logger } = options;
  const sendMail = async (mailer: Mailer) => {
    try {
      const reminded = await sendDueReminders(database.db, mailer, new Date());
      const delivered = await deliverDue(database, mailer, { publicUrl: options.publicUrl });
      if (reminded > 0 || delivered.claimed > 0) {
        logger.info({ reminded, delivered }, 'background mail sent');
      }
    } catch (error) {
      logger.warn({ err: error }, 'background mail failed; will retry');
    }
  };
  const runFeeds = async () => {
    try {
      const { allowedAddresses } = options;
      const pulled = await runDueFigurePulls(database.db, new Date(), {
        ...defaultPullLimits,
        allowedAddresses,
      });
      await enqueueWebhookDeliveries(database.db);
      const webhooks = await deliverDueWebhooks(database, { allowedAddresses });
      if (pulled.length > 0 || webhooks.claimed > 0) {
        logger.info({ pulled: pulled.length, webhooks }, 'feeds run');
      }
    } catch (error) {
      logger.warn({ err: error }, 'figure pulls or webhooks failed; will retry');
    }
  };
  const runAlerts = async () => {
    try {
      const raised = await raiseAlerts(database.db, new Date());
      const sent = await sendPendingAlerts(database.db, {
        mailer: options.mailer,
        smsWebhookUrl: options.smsWebhookUrl ?? null,
        allowedAddresses: options.allowedAddresses,
        publicUrl: options.publicUrl,
      });
      if (raised > 0 || sent > 0) logger.info({ raised, sent }, 'alerts raised and sent');
    } catch (error) {
      logger.warn({ err: error }, 'alerts failed; will retry');
    }
  };
  const sealAudit = async () => {
    try {
      const { sealed, head } = await sealAuditTrail(database.db);
      if (sealed > 0) logger.info({ sealed, head }, 'audit records sealed');
    } catch (error) {
      logger.warn({ err: error }, 'sealing the audit trail failed; will retry');
    }
  };
  const checkAtStart = async () => {
    try {
      const report = await checkIntegrity(database.db);
      for (const problem of report.problems) logger.error({ problem }, 'integrity check failed');
      logger.info({ head: report.head }, integritySummary(report));
    } catch (error) {
      logger.warn({ err: error }, 'the integrity check at start failed');
    }
  };
  const runOnce = async () => {
    if (options.mailer) await sendMail(options.mailer);
    await runFeeds();
    await runAlerts();
    await sealAudit();
  };
  let running: Promise<void> | null = checkAtStart().finally(() => (running = null));
  const timer = setInterval(() => {
    running ??= runOnce().finally(() => (running = null));
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
      options.mailer?.close();
    },
  };
}
