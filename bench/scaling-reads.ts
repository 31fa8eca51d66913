// How the API's reads grow with an event's log: the same event shape with 1,000 and with 100,000
// log entries, the log reads under 50 clients while the log is being written to (one entry every
// half second, so the shared answers are worked out again after each change, as in a live event).
import { openDatabase, type DialectName } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { type EventSize, generateEvent, tinySize } from './generate.ts';
import { type LoadResult, call, loadUrl, login, percentiles, spawnScript } from './harness.ts';
import type { BenchOptions, Row } from './run.ts';

export const scalingLogSizes = [1_000, 100_000];

const writeIntervalMs = 500;
const readTargetMs = 25;

/** The bench's tiny event with `logEntries` log entries (the other records stay few). */
function sizeWithLog(logEntries: number): EventSize {
  return { ...tinySize, logEntries, reports: 0 };
}

export async function benchScalingReads(
  dialect: DialectName,
  engine: string,
  serverScript: string,
  options: BenchOptions,
  add: (row: Row) => void,
): Promise<void> {
  for (const logEntries of options.size === tinySize ? [100, 1_000] : scalingLogSizes) {
    await benchLogSize(dialect, engine, serverScript, options, logEntries, add);
  }
}

async function benchLogSize(
  dialect: DialectName,
  engine: string,
  serverScript: string,
  options: BenchOptions,
  logEntries: number,
  add: (row: Row) => void,
): Promise<void> {
  const testDatabase = await createTestDatabase(dialect, { durable: true });
  const database = openDatabase(testDatabase.url);
  try {
    options.progress(`${engine}: an event with ${logEntries} log entries…`);
    await migrateToLatest(database);
    const generated = await generateEvent(database, sizeWithLog(logEntries));
    const server = spawnScript(
      serverScript,
      { DATABASE_URL: testDatabase.url },
      options.serverNodeArgs,
    );
    try {
      const { url } = await server.next<{ url: string }>('ready', 60_000);
      const session = await login(url, generated.staffEmail, generated.password);
      const log = `/api/events/${generated.eventId}/log`;
      const reads: [string, string][] = [
        ['dashboard log (3 newest)', `${log}?limit=3`],
        ['log screen (50 newest)', `${log}?limit=50`],
      ];
      for (const [name, readPath] of reads) {
        const { result, writes } = await whileWriting(url, session, log, () =>
          loadUrl({
            url: `${url}${readPath}`,
            connections: options.readClients,
            seconds: options.readSeconds,
            headers: { cookie: session.cookie },
          }),
        );
        add({
          section: 'Read scaling',
          figure: `${name}, ${logEntries.toLocaleString('en')} log entries, ${options.readClients} clients (${engine})`,
          value:
            `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.rps.toFixed(0)} rps, ` +
            `${writes.count} writes (p99 ${writes.p99.toFixed(0)} ms)` +
            (result.failures ? `, ${result.failures} failed` : ''),
          target: `p99 < ${readTargetMs} ms`,
          met: result.p99 < readTargetMs && result.failures === 0,
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
    await testDatabase.drop();
  }
}

/** Runs `load` while one log entry is written every half second; answers both. */
async function whileWriting(
  url: string,
  session: Parameters<typeof call>[1],
  log: string,
  load: () => Promise<LoadResult>,
): Promise<{ result: LoadResult; writes: { count: number; p99: number } }> {
  const times: number[] = [];
  let loading = true;
  const writer = (async () => {
    while (loading) {
      const at = performance.now();
      const written = await call(url, session, 'POST', log, {
        occurredAt: new Date().toISOString(),
        text: `Bänkprov: loggpost ${times.length + 1} under läsning.`,
      });
      if (written.status !== 201) throw new Error(`log write: ${written.status} ${written.body}`);
      times.push(performance.now() - at);
      await new Promise((resolve) => setTimeout(resolve, writeIntervalMs));
    }
  })();
  try {
    return {
      result: await load(),
      writes: { count: times.length, p99: times.length ? percentiles(times).p99 : 0 },
    };
  } finally {
    loading = false;
    await writer;
  }
}
