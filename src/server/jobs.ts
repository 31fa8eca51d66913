import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './db/database.ts';
import { deliverDue } from './distribution/outbox.ts';
import { runDueFigurePulls } from './feeds/pull.ts';
import { deliverDueWebhooks, enqueueWebhookDeliveries } from './feeds/webhooks.ts';
import type { Mailer } from './mail/mailer.ts';
import { sendDueReminders } from './situations/reminders.ts';

export interface BackgroundJobs {
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * E-mail reminders before reporting deadlines, delivery of published reports, scheduled figure
 * pulls and webhooks, every `intervalMs`. Each claims its rows in the database first, so several
 * nodes never send or fetch twice.
 */
export function startBackgroundJobs(options: {
  database: Database;
  /** Null without an SMTP relay: mail then waits in the outbox. */
  mailer: Mailer | null;
  publicUrl: string;
  logger: FastifyBaseLogger;
  intervalMs: number;
}): BackgroundJobs {
  let running: Promise<void> | null = null;
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
      const pulled = await runDueFigurePulls(database.db, new Date());
      await enqueueWebhookDeliveries(database.db);
      const webhooks = await deliverDueWebhooks(database);
      if (pulled.length > 0 || webhooks.claimed > 0) {
        logger.info({ pulled: pulled.length, webhooks }, 'feeds run');
      }
    } catch (error) {
      logger.warn({ err: error }, 'figure pulls or webhooks failed; will retry');
    }
  };
  const runOnce = async () => {
    if (options.mailer) await sendMail(options.mailer);
    await runFeeds();
  };
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
