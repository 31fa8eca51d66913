import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Database, describeDatabaseUrl, openDatabase } from './db/database.ts';
import { NewerSchemaError, migrateToLatest } from './db/migrate.ts';
import { underStartupLock } from './db/startup-lock.ts';
import type { BackgroundJobs } from './jobs.ts';
import { ensureFirstAdmin } from './users/bootstrap.ts';
import { type SealingResult, sealStoredTotpSecrets } from './mfa/secrets.ts';
import { type LoadedSecretKey, loadSecretKey } from './secret-key.ts';
import { demoEvent, demoUnits, demoUsers, liveEvent } from './demo/content.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export class StartupError extends Error {}

/**
 * Opens and migrates the database, makes sure someone can administer it (ADMIN_EMAIL), loads the
 * demo, and starts listening.
 * `log` gets the start-up announcements (first administrator, demo) and the live-update
 * connection's state.
 */
export async function startServer(config: Config, log: FastifyBaseLogger): Promise<RunningServer> {
  const secretKey = loadSecretKey(config);
  const database = open(config, log);
  const cannotUse = (error: unknown) =>
    new StartupError(
      `Cannot use the database (${describeDatabaseUrl(config.DATABASE_URL)}): ${reason(error)}`,
    );
  try {
    await underStartupLock(database, async () => {
      await migrateToLatest(database, { onNewerSchema: (line) => log.warn(line) }).catch(
        (error: unknown) => {
          throw error instanceof NewerSchemaError ? error : cannotUse(error);
        },
      );
      announceSecretKey(secretKey, log);
      announceSealing(await sealStoredTotpSecrets(database.db, secretKey.box), log);
      await announceFirstAdmin(database, config, log);
      if (config.LAGESBILD_DEMO) await announceDemo(database, config, log);
    });
  } catch (error) {
    await database.close().catch(() => undefined);
    throw isConnectionFailure(error) ? cannotUse(error) : error;
  }
  const app = await buildApp({ ...config, secrets: secretKey.box }, database);
  let closing = false;
  // Once closing, each response ends its socket, so kept-alive connections close after their
  // next answer instead of being cut while a request is on its way.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // A draining node is not ready: the load balancer sends new work elsewhere while this node
  // still answers what reaches it.
  app.addHook('onRequest', async (request, reply) => {
    if (closing && request.url.split('?')[0] === '/readyz') {
      await reply.code(503).send({ status: 'not_ready', message: 'Noden stängs ned.' });
    }
  });
  await app.listen({ port: config.PORT, host: config.HOST }).catch(async (error: unknown) => {
    await app.close();
    await database.close();
    throw new StartupError(
      `Cannot listen on ${config.HOST}:${config.PORT}: ${listenFailure(error)}`,
    );
  });
  const jobs = await startJobs(config, database, app);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL.replace(`:${config.PORT}`, `:${port}`);
  return {
    app,
    database,
    url,
    stop: async () => {
      closing = true;
      app.readyPages.stopServing();
      await jobs.stop();
      await new Promise((resolve) => setTimeout(resolve, drainMs(config)));
      await app.close();
      await database.close();
    },
  };
}

/** A SQLite file in a folder this user may not write (read-only under systemd) is one line. */
function open(config: Config, log: FastifyBaseLogger): Database {
  try {
    return openDatabase(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX, log });
  } catch (error) {
    if (!config.DATABASE_URL.startsWith('sqlite:')) throw error;
    const file = path.resolve(config.DATABASE_URL.slice('sqlite:'.length));
    throw new StartupError(
      `Cannot create or open the SQLite database ${file}: ${reason(error)}; set DATABASE_URL to ` +
        `a file in a folder this user may write, e.g. sqlite:/var/lib/lagesbild/lagesbild.db ` +
        `(under systemd: StateDirectory=lagesbild)`,
    );
  }
}

/**
 * How long a stopping server keeps listening while every answer says Connection: close, before it
 * stops accepting and closes the connections that are idle: clients on kept-alive connections move
 * away instead of having a request cut. At most a quarter of SHUTDOWN_TIMEOUT_MS.
 */
function drainMs(config: Config): number {
  return Math.min(1000, config.SHUTDOWN_TIMEOUT_MS / 4);
}

/** Mail, figure pulls and webhooks; nodemailer loads only when there is a relay to send through. */
async function startJobs(
  config: Config,
  database: Database,
  app: FastifyInstance,
): Promise<BackgroundJobs> {
  if (!config.SMTP_URL) {
    app.log.warn(
      'SMTP_URL is not set: reminders and report e-mails wait in the outbox until it is.',
    );
  }
  const { startBackgroundJobs } = await import('./jobs.ts');
  const mailer = config.SMTP_URL
    ? (await import('./mail/mailer.ts')).createMailer(config.SMTP_URL, { from: config.MAIL_FROM })
    : null;
  return startBackgroundJobs({
    database,
    mailer,
    publicUrl: config.PUBLIC_URL,
    logger: app.log,
    intervalMs: config.MAIL_INTERVAL_MS,
    allowedAddresses: config.OUTBOUND_ALLOW_LIST,
    smsWebhookUrl: config.ALERT_SMS_WEBHOOK_URL,
  });
}

function announceSecretKey({ createdFile }: LoadedSecretKey, log: FastifyBaseLogger) {
  if (!createdFile) return;
  log.warn(
    { file: createdFile },
    `Created the secret key ${createdFile} (mode 0600): it seals the second-factor secrets and is ` +
      'not in the database backups; back it up on its own (docs/operations.md)',
  );
}

function announceSealing(result: SealingResult, log: FastifyBaseLogger) {
  if (result.sealed + result.resealed > 0) {
    log.info(result, `Sealed ${result.sealed + result.resealed} TOTP secrets with the secret key`);
  }
  if (result.unreadable > 0) {
    log.error(
      result,
      `The secret key does not open ${result.unreadable} stored TOTP secrets: restore the key ` +
        'that sealed them (or give it as SECRET_KEY_PREVIOUS_FILE); until then those users sign ' +
        'in with a recovery code or a security key, or an admin resets their second factor',
    );
  }
}

async function announceFirstAdmin(database: Database, config: Config, log: FastifyBaseLogger) {
  const admin = await ensureFirstAdmin(database.db, {
    email: config.ADMIN_EMAIL,
    ...(config.ADMIN_PASSWORD !== undefined && { password: config.ADMIN_PASSWORD }),
  });
  if (!admin) return;
  const { email, oneTimePassword } = admin;
  const made = admin.existing
    ? `No one could administer this installation: the existing account ${email} is now its administrator`
    : `First administrator created: ${email}`;
  if (oneTimePassword) {
    log.info(
      { email, oneTimePassword },
      `${made}; its one-time password is shown only now (change it at first login)`,
    );
  } else {
    log.info({ email }, `${made}; password: the one given in ADMIN_PASSWORD`);
  }
}

/** The demo content loads only when wanted: most starts find it loaded or turned off. */
async function announceDemo(database: Database, config: Config, log: FastifyBaseLogger) {
  const { loadDemo } = await import('./demo/seed.ts');
  const demo = await loadDemo(database.db, {
    ...(config.DEMO_PASSWORD !== undefined && { password: config.DEMO_PASSWORD }),
  });
  if (!demo) return;
  log.info(
    { events: [liveEvent.name, demoEvent.name] },
    `Demo events: "${liveEvent.name}" (live: this week is open for reporting) and "${demoEvent.name}" (archive, closed)`,
  );
  log.info({ users: describeDemoUsers() }, 'Demo users, with the same role in both events');
  if (config.DEMO_PASSWORD) {
    log.info("Demo users' password: the one given in DEMO_PASSWORD");
  } else {
    log.info({ password: demo.password }, "Demo users' password (shown only now)");
  }
}

function describeDemoUsers(): { email: string; role: string; unit?: string }[] {
  return demoUsers.map((person) => {
    const unit = demoUnits.find((candidate) => candidate.code === person.unitCode);
    return { email: person.email, role: person.role, ...(unit && { unit: unit.name }) };
  });
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error)
    return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

/**
 * The database cannot be reached or used: a network error, PostgreSQL's connection (08…),
 * shutdown (57P0…) and authorization (28…) classes, or a database that does not exist (3D000).
 */
function isConnectionFailure(error: unknown): boolean {
  const code = (error instanceof AggregateError ? error.errors[0] : error) as { code?: unknown };
  return (
    typeof code?.code === 'string' && /^(E[A-Z]+|08\w{3}|57P0\d|28\w{3}|3D000)$/.test(code.code)
  );
}

function listenFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return 'the port is already in use by another process';
  if (code === 'EACCES') return 'not permitted (a port below 1024 needs privileges)';
  return reason(error);
}
