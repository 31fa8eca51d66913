import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Logger, pino } from 'pino';
import { type Config, ConfigError } from '../server/config.ts';
import { describeDatabaseUrl, openDatabase, privateFolderMode } from '../server/db/database.ts';
import { NewerSchemaError, migrateToLatest } from '../server/db/migrate.ts';
import { AppError } from '../server/errors.ts';
import { systemActor } from '../server/http/actor.ts';
import { copyInstallation, formatVerification } from '../server/ops/copy.ts';
import { checkIntegrity, integritySummary } from '../server/ops/integrity.ts';
import { copySqliteDatabase, formatMegabytes } from '../server/ops/sqlite-backup.ts';
import {
  EventFileError,
  exportEvent,
  importEvent,
  parseEventFile,
} from '../server/ops/event-file.ts';
import { announceWorker, runWorkers } from '../server/cluster.ts';
import { StartupError, startServer } from '../server/start.ts';
import { hasActiveAdmin } from '../server/users/repository.ts';
import { createUser, findUserForCli, resetPassword } from '../server/users/service.ts';

interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

interface Command {
  name: string;
  summary: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  run(parsed: Parsed, config: () => Config): Promise<number>;
}

const commands: Command[] = [
  {
    name: 'serve',
    summary:
      'serve [--no-demo]            start the server (migrates, creates the first admin and the demo)',
    options: { 'no-demo': { type: 'boolean' } },
    run: async (parsed, config) => {
      // Every line the server writes is JSON; these lines are written whatever LOG_LEVEL says.
      const log = pino();
      try {
        const settings = config();
        if (settings.WORKERS > 1 && cluster.isPrimary) {
          runWorkers(settings.WORKERS, settings.SHUTDOWN_TIMEOUT_MS, log);
          return 0;
        }
        const server = await startServer(
          { ...settings, LAGESBILD_DEMO: settings.LAGESBILD_DEMO && !parsed.values['no-demo'] },
          log,
        );
        stopOnSignals(server.stop, settings.SHUTDOWN_TIMEOUT_MS, log);
        const database = describeDatabaseUrl(settings.DATABASE_URL);
        const listens = `Lägesbild listens on ${server.url} (${database})`;
        if (cluster.isWorker) announceWorker(server.url, listens);
        else log.info({ url: server.url, database }, listens);
        return 0;
      } catch (error) {
        if (isExpectedFailure(error)) log.fatal(error.message);
        else log.fatal({ err: error }, 'Start-up failed');
        return failureExitCode(error);
      }
    },
  },
  {
    name: 'migrate',
    summary: 'migrate                      apply pending database migrations and exit',
    run: async (_parsed, config) =>
      withDatabase(config(), async (database, url) => {
        const applied = await migrateToLatest(database);
        console.log(`${applied.length} migration(s) applied to ${describeDatabaseUrl(url)}`);
      }),
  },
  {
    name: 'user create',
    summary:
      'user create --email E --name N [--admin] [--break-glass] [--password P]   create an account (prints a one-time password); --break-glass may use a password when local login is off',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean' },
      'break-glass': { type: 'boolean' },
      password: { type: 'string' },
    },
    run: async (parsed, config) => {
      const { email, name, admin, password } = parsed.values;
      if (typeof email !== 'string' || typeof name !== 'string') {
        console.error('user create needs --email and --name');
        return 2;
      }
      return withDatabase(config(), async (database) => {
        await migrateToLatest(database);
        const result = await createUser(database.db, systemActor, {
          email,
          name,
          isAdmin: admin === true,
          breakGlass: parsed.values['break-glass'] === true,
          ...(typeof password === 'string' && { password }),
        });
        console.log(`Created ${result.user.email} (id ${result.user.id})`);
        if (result.oneTimePassword) console.log(`One-time password: ${result.oneTimePassword}`);
      });
    },
  },
  {
    name: 'user reset-password',
    summary:
      'user reset-password --email E                          new one-time password, sessions ended',
    options: { email: { type: 'string' } },
    run: async (parsed, config) => {
      const email = parsed.values.email;
      if (typeof email !== 'string') {
        console.error('user reset-password needs --email');
        return 2;
      }
      return withDatabase(config(), async (database) => {
        const user = await findUserForCli(database.db, email);
        const { oneTimePassword } = await resetPassword(database.db, systemActor, user.id);
        console.log(`One-time password for ${user.email}: ${oneTimePassword}`);
      });
    },
  },
  {
    name: 'verify',
    summary:
      'verify                       check published reports and the audit trail against their hashes',
    run: async (_parsed, config) => {
      let failed = false;
      await withDatabase(config(), async (database) => {
        failed = !(await printIntegrity(database));
      });
      return failed ? 1 : 0;
    },
  },
  {
    name: 'backup',
    summary:
      'backup FILE                  online backup of the SQLite database (safe while serving)',
    run: async (parsed, config) => {
      const target = parsed.positionals[0];
      const file = sqliteFile(config());
      if (!target || !file) return reportUsage('backup FILE works with a sqlite: DATABASE_URL');
      const source = new SqliteDatabase(file, { fileMustExist: true });
      source.pragma('busy_timeout = 5000');
      try {
        const size = databaseSize(file);
        if (size >= announcedBackupBytes)
          console.log(`Backing up ${formatMegabytes(size)}; the server keeps serving meanwhile`);
        const copy = copySqliteDatabase(source, target);
        console.log(
          `Backed up ${path.resolve(file)} to ${path.resolve(target)} (${formatMegabytes(copy.bytes)} in ${(copy.milliseconds / 1000).toFixed(1)} s)`,
        );
      } finally {
        source.close();
      }
      return 0;
    },
  },
  {
    name: 'restore',
    summary:
      'restore FILE                 replace the SQLite database with a backup (server stopped)',
    run: async (parsed, config) => {
      const source = parsed.positionals[0];
      const file = sqliteFile(config());
      if (!source || !file) return reportUsage('restore FILE works with a sqlite: DATABASE_URL');
      verifySqliteBackup(source);
      fs.mkdirSync(path.dirname(path.resolve(file)), {
        recursive: true,
        mode: privateFolderMode,
      });
      const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
      try {
        copySqliteDatabase(backup, file, {
          beforeRename: () => {
            for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
          },
        });
      } finally {
        backup.close();
      }
      console.log(`Restored ${path.resolve(file)} from ${path.resolve(source)}`);
      return 0;
    },
  },
  {
    name: 'export',
    summary: 'export EVENT FILE            write one event with everything in it to a JSON file',
    run: async (parsed, config) => {
      const [event, target] = parsed.positionals;
      const eventId = Number(event);
      if (!target || !Number.isInteger(eventId) || eventId <= 0)
        return reportUsage('export needs an event id and a file: export EVENT FILE');
      let problem: string | null = null;
      await withDatabase(config(), async (database) => {
        const file = await exportEvent(database, eventId).catch((error: unknown) => {
          if (!(error instanceof EventFileError)) throw error;
          problem = error.message;
          return null;
        });
        if (!file) return;
        fs.writeFileSync(target, `${JSON.stringify(file, null, 1)}\n`);
        const rows = Object.values(file.tables).reduce((sum, list) => sum + list.length, 0);
        console.log(
          `Exported event ${eventId} "${file.event.name}" (${rows} rows) to ${path.resolve(target)}`,
        );
      });
      if (problem) console.error(problem);
      return problem ? 1 : 0;
    },
  },
  {
    name: 'import',
    summary:
      'import FILE                  add the event in an export file under new ids (one transaction)',
    run: async (parsed, config) => {
      const source = parsed.positionals[0];
      if (!source) return reportUsage('import needs a file: import FILE');
      let content: unknown;
      try {
        content = JSON.parse(fs.readFileSync(source, 'utf8'));
      } catch (error) {
        return reportUsage(`${source} is not a readable JSON file: ${(error as Error).message}`);
      }
      try {
        parseEventFile(content);
      } catch (error) {
        if (error instanceof EventFileError) return reportUsage(error.message);
        throw error;
      }
      let failed = false;
      const settings = config();
      await withDatabase(settings, async (database) => {
        await migrateToLatest(database);
        const result = await importEvent(database, content);
        const rows = Object.values(result.inserted).reduce((sum, count) => sum + count, 0);
        const matched = Object.entries(result.matched).map(([table, n]) => `${n} ${table}`);
        console.log(
          `Imported as event ${result.eventId}: ${rows} rows inserted` +
            (matched.length > 0 ? `; existing ${matched.join(', ')} reused` : ''),
        );
        failed = !(await printIntegrity(database));
        if (!(await hasActiveAdmin(database.db))) console.log(noAdministrator(settings));
      });
      return failed ? 1 : 0;
    },
  },
  {
    name: 'copy',
    summary:
      'copy --from sqlite:PATH --to postgres://…   move a whole installation into an empty database, verified',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    run: async (parsed) => {
      const { from, to } = parsed.values;
      if (typeof from !== 'string' || typeof to !== 'string')
        return reportUsage('copy needs --from URL and --to URL');
      const source = openDatabase(from);
      const target = openDatabase(to);
      try {
        console.log(`Copying ${describeDatabaseUrl(from)} to ${describeDatabaseUrl(to)}`);
        const result = await copyInstallation(source, target, (line) => console.log(line));
        console.log(formatVerification(result));
        return result.ok ? 0 : 1;
      } finally {
        await source.close();
        await target.close();
      }
    },
  },
];

export function findCommand(argv: string[]): { command: Command; args: string[] } | null {
  const twoWords = commands.find((command) => command.name === argv.slice(0, 2).join(' '));
  if (twoWords) return { command: twoWords, args: argv.slice(2) };
  const oneWord = commands.find((command) => command.name === argv[0]);
  return oneWord ? { command: oneWord, args: argv.slice(1) } : null;
}

/** Failures that are the user's to fix: one line, no stack trace. */
export function isExpectedFailure(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof StartupError ||
    error instanceof NewerSchemaError ||
    error instanceof AppError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
  );
}

/** 65 when a newer release's schema is in place (a restart cannot help), otherwise 1. */
export function failureExitCode(error: unknown): number {
  return error instanceof NewerSchemaError ? error.exitCode : 1;
}

export function usage(): string {
  return [
    'Usage: lagesbild <command>',
    '',
    ...commands.map((command) => `  ${command.summary}`),
  ].join('\n');
}

/** Seals and checks the audit trail and the published reports; true when all holds. */
async function printIntegrity(database: ReturnType<typeof openDatabase>): Promise<boolean> {
  const report = await checkIntegrity(database.db);
  for (const problem of report.problems) console.error(problem);
  console.log(integritySummary(report));
  return report.problems.length === 0;
}

async function withDatabase(
  config: Config,
  work: (database: ReturnType<typeof openDatabase>, url: string) => Promise<void>,
): Promise<number> {
  const database = openDatabase(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX });
  try {
    await work(database, config.DATABASE_URL);
    return 0;
  } finally {
    await database.close();
  }
}

function sqliteFile(config: Config): string | null {
  return config.DATABASE_URL.startsWith('sqlite:')
    ? config.DATABASE_URL.slice('sqlite:'.length)
    : null;
}

/** Databases this large get a line before the backup starts, so a wait is not mistaken for a hang. */
const announcedBackupBytes = 50 * 1_048_576;

/** The main file and its write-ahead log: what the backup will read. */
function databaseSize(file: string): number {
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  return fs.statSync(file).size + (wal?.size ?? 0);
}

/** Imported users never bring the administrator right: say how the installation gets one. */
function noAdministrator(config: Config): string {
  return (
    `No one can administer this installation yet: the next start makes ADMIN_EMAIL (${config.ADMIN_EMAIL}) its administrator ` +
    '(with ADMIN_PASSWORD, or a one-time password it prints), or run: lagesbild user create --admin --email E --name N'
  );
}

function reportUsage(message: string): number {
  console.error(message);
  return 2;
}

function verifySqliteBackup(file: string): void {
  const backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const result = backup.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file} is damaged: ${String(result)}`);
    backup.prepare('select count(*) from kysely_migration').get();
  } finally {
    backup.close();
  }
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit 0. */
function stopOnSignals(stop: () => Promise<void>, timeoutMs: number, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Stopping: finishing the requests in flight');
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'Shutdown took longer than SHUTDOWN_TIMEOUT_MS; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
