// `npm run bench`: generates a large event on SQLite and on PostgreSQL, starts the server on
// each in a child process, loads it over loopback, and prints one table of every figure with
// its target. Progress goes to stderr, the table to stdout.
//
// Options (environment): BENCH_SECONDS (load duration per measurement, default 10),
// BENCH_DIALECTS (sqlite,postgres), BENCH_SUBSCRIBERS (1000,10000), BENCH_SERVER_NODE_ARGS
// (the server's node flags instead of those of `npm start`, e.g. "--max-semi-space-size=8
// --cpu-prof --cpu-prof-dir=/tmp/prof" to profile it; "" for none), BENCH_SUBSCRIBER_NODE_ARGS
// (the SSE subscribers' process's flags, e.g. to profile it), BENCH_NGINX=0 to skip
// the nginx comparison, BENCH_CURVES=0/1 to skip or run the cost curves, BENCH_SIZE=tiny for a
// quick run (without the curves unless BENCH_CURVES=1).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportSnapshot } from '../src/core/report-snapshot.ts';
import { renderDocx, renderHtml, renderPdf } from '../src/render/index.ts';
import { type DialectName, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { bundleServer } from '../scripts/bundle-server.ts';
import { costCurves } from './curves.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import {
  type EventSize,
  type GeneratedEvent,
  generateEvent,
  largeSize,
  tinySize,
} from './generate.ts';
import {
  type Child,
  type Latency,
  type Session,
  benchDir,
  call,
  login,
  loadUrl,
  peakResidentDuring,
  processCount,
  percentiles,
  residentMb,
  spawnScript,
  submitLoad,
} from './harness.ts';
import { benchScalingReads } from './scaling-reads.ts';
import { benchPublishedPages, loadDemoForPage } from './page.ts';

export interface BenchOptions {
  size: EventSize;
  dialects: DialectName[];
  /** Seconds of load per measurement: page, submit; readSeconds for each read endpoint. */
  seconds: number;
  readSeconds: number;
  pageConnections: number;
  readClients: number;
  writeClients: number;
  subscriberCounts: number[];
  fanoutRounds: number;
  /** The load client for the published page: wrk when installed, or autocannon. */
  pageClient: 'wrk' | 'autocannon';
  /** Compare the published page with nginx serving the same bytes (needs nginx installed). */
  nginx: boolean;
  webBundle: boolean;
  renderRuns: number;
  serverNodeArgs: string[];
  /** Node options of the SSE subscribers' process (e.g. to profile it). */
  subscriberNodeArgs: string[];
  /** Measure only these phases (page, reads, submit, fanout, scaling, report, curves); all when empty. */
  only: string[];
  /** The cost curves of compile and PDF over nine generated events (bench/curves.ts). */
  curves: boolean;
  /** The web bundle after the server measurements, or alongside them (quick runs only). */
  webBundleAlongside: boolean;
  progress: (line: string) => void;
}

/**
 * The Node and V8 flags `npm start` starts the server with (package.json), so that the bench
 * measures the process production runs.
 */
function startFlags(): string[] {
  const packageJson = fs.readFileSync(path.join(benchDir, '..', 'package.json'), 'utf8');
  const start = (JSON.parse(packageJson) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode ((?:--\S+ )*)dist\/server\//.exec(start)?.[1] ?? '';
  return flags.split(' ').filter(Boolean);
}

export const fullOptions: BenchOptions = {
  size: largeSize,
  dialects: ['sqlite', 'postgres'],
  seconds: 10,
  readSeconds: 5,
  pageConnections: 50,
  pageClient: 'wrk',
  readClients: 50,
  writeClients: 50,
  subscriberCounts: [1000, 10_000],
  fanoutRounds: 5,
  nginx: true,
  webBundle: true,
  renderRuns: 5,
  serverNodeArgs: startFlags(),
  subscriberNodeArgs: [],
  only: [],
  curves: true,
  webBundleAlongside: false,
  progress: (line) => process.stderr.write(`${line}\n`),
};

export interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  /** null: informational, no target. */
  met: boolean | null;
}

/** Issue 25's goals for the server's resident memory, idle and at its peak under read load. */
const idleGoalMb = 100;
const loadGoalMb = 160;

const engineName: Record<DialectName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
const latency = (value: Pick<Latency, 'p50' | 'p99'>) =>
  `p50 ${ms(value.p50)}, p99 ${ms(value.p99)}`;
const wallClock = () => performance.timeOrigin + performance.now();
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

export async function runBench(options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    const verdict = row.met === null ? '' : row.met ? '  met' : '  NOT MET';
    options.progress(`  ${row.section} · ${row.figure}: ${row.value}${verdict}`);
  };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-bench-'));
  options.progress('bundling the server the way `npm start` runs it…');
  // The bundle must lie inside the project, where node_modules resolves.
  const serverScript = await bundleServer(path.join(benchDir, '..', 'dist', 'bench'), {
    name: 'server-process',
    file: path.join(benchDir, 'server-process.ts'),
  });
  try {
    if (!options.nginx) {
      add({
        section: 'Published page',
        figure: 'nginx comparison',
        value: 'skipped (nginx not used in this run)',
        target: '≥ 0.5 of nginx auto',
        met: null,
      });
    }
    const alongside =
      options.webBundle && options.webBundleAlongside ? webBundleRow(options) : null;
    for (const dialect of options.dialects) {
      await benchDialect(dialect, serverScript, options, folder, add);
    }
    if (options.curves && (options.only.length === 0 || options.only.includes('curves'))) {
      for (const row of await costCurves(options.dialects, options.progress)) add(row);
    }
    if (alongside) add(await alongside);
    else if (options.webBundle) add(await webBundleRow(options));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

async function benchDialect(
  dialect: DialectName,
  serverScript: string,
  options: BenchOptions,
  folder: string,
  add: (row: Row) => void,
): Promise<void> {
  const engine = engineName[dialect];
  const testDatabase = await createTestDatabase(dialect, { durable: true });
  const database = openDatabase(testDatabase.url);
  try {
    options.progress(`${engine}: generating the event…`);
    await migrateToLatest(database);
    const wanted = (phase: string) => options.only.length === 0 || options.only.includes(phase);
    const demoEventId = wanted('page') ? await loadDemoForPage(database) : null;
    const generated = await generateEvent(database, options.size);
    const { size } = options;
    add({
      section: 'Data',
      figure: `generate (${engine})`,
      value:
        `${generated.timings.total.toFixed(1)} s: ${size.units} units, ${size.periods} periods, ` +
        `${size.observations} observations, ${size.logEntries} log, ${size.decisions} decisions, ` +
        `${size.reports} published reports (reports ${generated.timings.reports.toFixed(1)} s)`,
      target: '—',
      met: null,
    });

    options.progress(`${engine}: starting the server…`);
    const startedAt = performance.now();
    const server = spawnScript(
      serverScript,
      { DATABASE_URL: testDatabase.url },
      options.serverNodeArgs,
    );
    try {
      const { url } = await server.next<{ url: string }>('ready', 60_000);
      const startupSeconds = (performance.now() - startedAt) / 1000;
      add({
        section: 'Start-up',
        figure: `time to ready (${engine})`,
        value: `${startupSeconds.toFixed(2)} s`,
        target: '< 2 s',
        met: startupSeconds < 2,
      });
      // Let start-up garbage settle before the idle reading (shorter in quick runs).
      await sleep(Math.min(1000, options.seconds * 500));
      const idle = residentMb(server.pid);
      const processes = processCount(server.pid);
      const whose =
        processes === 1 ? 'server process' : `sum of primary and ${processes - 1} workers`;
      add({
        section: 'Start-up',
        figure: `resident memory idle, ${whose} (${engine})`,
        value: `${idle.toFixed(0)} MB`,
        target: `< ${idleGoalMb} MB`,
        met: idle < idleGoalMb,
      });
      const session = await login(url, generated.staffEmail, generated.password);
      let peak = residentMb(server.pid);
      const track = async <T>(work: () => Promise<T>) => {
        const measured = await peakResidentDuring(server.pid, work);
        peak = Math.max(peak, measured.peakMb);
        return measured.result;
      };
      if (wanted('page')) {
        await benchPublishedPages(engine, url, demoEventId, generated, options, folder, track, add);
      }
      if (wanted('reads')) await benchReads(engine, url, session, generated, options, track, add);
      add({
        section: 'Start-up',
        figure: `resident memory peak under page and read load, ${whose} (${engine})`,
        value: `${peak.toFixed(0)} MB peak`,
        target: `< ${loadGoalMb} MB`,
        met: peak < loadGoalMb,
      });
      if (wanted('submit')) await benchSubmit(engine, url, session, generated, options, add);
      for (const count of wanted('fanout') ? options.subscriberCounts : []) {
        await benchFanout(engine, url, session, generated, count, options, add);
      }
    } finally {
      await server.stop();
    }
    if (options.only.length === 0 || options.only.includes('scaling')) {
      await benchScalingReads(dialect, engine, serverScript, options, add);
    }
    if (options.only.length === 0 || options.only.includes('report')) {
      await benchReport(engine, database, generated, options, add, dialect === options.dialects[0]);
    }
  } finally {
    await database.close();
    await testDatabase.drop();
  }
}

async function benchReads(
  engine: string,
  url: string,
  session: Session,
  generated: GeneratedEvent,
  options: BenchOptions,
  track: <T>(work: () => Promise<T>) => Promise<T>,
  add: (row: Row) => void,
): Promise<void> {
  const events = `/api/events/${generated.eventId}`;
  const period = generated.periods[generated.periods.length - 1]!;
  // What the web app's dashboard asks for (src/web/pages/Dashboard.tsx).
  const reads: [string, string][] = [
    ['event', `${events}`],
    ['readiness', `${events}/readiness`],
    ['completeness', `${events}/completeness`],
    ['latest situations', `${events}/situations/latest?period=${period}`],
    ['figures', `${events}/figures`],
    ['diversions board', `${events}/diversions/board`],
    ['actions summary', `${events}/actions/summary`],
    ['decisions', `${events}/decisions?limit=4`],
    ['log', `${events}/log?limit=3`],
    [
      `figure series (${Math.round(options.size.observations / generated.figureIds.length)} obs.)`,
      `${events}/figures/${generated.figureIds[0]}/series?granularity=week`,
    ],
  ];
  for (const [name, readPath] of reads) {
    const figure = `${name}, ${options.readClients} clients (${engine})`;
    const headers = { cookie: session.cookie };
    // Three sequential requests first: check the answer, and see whether a load run is sane.
    const alone: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const at = performance.now();
      const probe = await fetch(`${url}${readPath}`, { headers });
      if (probe.status !== 200) {
        throw new Error(`${readPath}: ${probe.status} ${await probe.text()}`);
      }
      await probe.arrayBuffer();
      alone.push(performance.now() - at);
    }
    if (percentiles(alone).p50 > 500) {
      // 50 clients would queue 50 × this much CPU in the server; report one client instead.
      add({
        section: 'API reads',
        figure,
        value: `one client alone: ${latency(percentiles(alone))} (load run skipped)`,
        target: 'p99 < 25 ms',
        met: false,
      });
      continue;
    }
    options.progress(`${engine}: GET ${readPath}…`);
    const result = await track(() =>
      loadUrl({
        url: `${url}${readPath}`,
        connections: options.readClients,
        seconds: options.readSeconds,
        headers,
      }),
    );
    add({
      section: 'API reads',
      figure,
      value:
        `${latency(result)}, ${result.rps.toFixed(0)} rps` +
        (result.failures ? `, ${result.failures} failed` : ''),
      target: 'p99 < 25 ms',
      met: result.p99 < 25 && result.failures === 0,
    });
  }
}

async function benchSubmit(
  engine: string,
  url: string,
  session: Session,
  generated: GeneratedEvent,
  options: BenchOptions,
  add: (row: Row) => void,
): Promise<void> {
  options.progress(`${engine}: unit-situation save + submit…`);
  const result = await submitLoad({
    base: url,
    session,
    eventId: generated.eventId,
    unitIds: generated.unitIds,
    clients: options.writeClients,
    seconds: options.seconds,
    warmupSeconds: Math.min(2, options.seconds / 4),
  });
  const failed = result.submit.failures ? `, ${result.submit.failures} failed` : '';
  add({
    section: 'API writes',
    figure: `situation save (PUT), ${options.writeClients} clients (${engine})`,
    value: `${latency(result.save)}, ${result.save.rps.toFixed(0)}/s${failed}`,
    target: 'p99 < 50 ms',
    met: result.save.p99 < 50 && result.save.failures === 0,
  });
  add({
    section: 'API writes',
    figure: `situation submit (POST), ${options.writeClients} clients (${engine})`,
    value: `${latency(result.submit)}, ${result.submit.rps.toFixed(0)}/s${failed}`,
    target: 'p99 < 50 ms',
    met: result.submit.p99 < 50 && result.submit.failures === 0,
  });
  // One client alone: each write's own time, without waiting behind the others' writes. With
  // 50 clients writing back to back, a write waits for about 50 ÷ writes per second.
  const alone = await submitLoad({
    base: url,
    session,
    eventId: generated.eventId,
    unitIds: generated.unitIds,
    clients: 1,
    seconds: options.seconds / 2,
    warmupSeconds: Math.min(1, options.seconds / 8),
    firstPlace: result.placesUsed,
  });
  for (const [name, measured] of [
    ['save (PUT)', alone.save],
    ['submit (POST)', alone.submit],
  ] as const) {
    add({
      section: 'API writes',
      figure: `situation ${name}, 1 client (${engine})`,
      value: `${latency(measured)}, ${measured.rps.toFixed(0)}/s`,
      target: '—',
      met: null,
    });
  }
}

/**
 * Subscribers in another process; each round commits one log entry through the API and measures,
 * per subscriber, from just before the write request was sent to the arrival of its change.
 */
async function benchFanout(
  engine: string,
  url: string,
  session: Session,
  generated: GeneratedEvent,
  count: number,
  options: BenchOptions,
  add: (row: Row) => void,
): Promise<void> {
  options.progress(`${engine}: ${count} SSE subscribers…`);
  const subscribers: Child = spawnScript(
    'sse-subscribers.ts',
    {
      BENCH_URL: url,
      BENCH_EVENT_ID: String(generated.eventId),
      BENCH_COOKIE: session.cookie,
      BENCH_COUNT: String(count),
    },
    options.subscriberNodeArgs,
  );
  try {
    const ready = await subscribers.next<{ opened: number; failures: number }>(
      'ready',
      60_000 + count * 20,
    );
    await sleep(Math.min(500, options.seconds * 250));
    const sentAt: number[] = [];
    const received = async () => {
      subscribers.process.send({ type: 'count' });
      return (await subscribers.next<{ received: number }>('counted')).received;
    };
    for (let round = 0; round < options.fanoutRounds; round += 1) {
      sentAt.push(wallClock());
      const written = await call(url, session, 'POST', `/api/events/${generated.eventId}/log`, {
        occurredAt: new Date().toISOString(),
        text: `Bänkprov: ändring ${round + 1} till ${count} prenumeranter.`,
      });
      if (written.status !== 201) throw new Error(`log write: ${written.status} ${written.body}`);
      // The next change only once every stream has this one (or after 10 s), then a pause.
      const deadline = performance.now() + 10_000;
      while ((await received()) < ready.opened * (round + 1) && performance.now() < deadline) {
        await sleep(50);
      }
      await sleep(300);
    }
    subscribers.process.send({ type: 'report' });
    const { bySequence } = await subscribers.next<{ bySequence: Record<string, number[]> }>(
      'arrivals',
    );
    const sequences = Object.keys(bySequence)
      .map(Number)
      .sort((a, b) => a - b)
      .slice(-options.fanoutRounds);
    const delays = sequences.flatMap((sequence, index) =>
      bySequence[String(sequence)]!.map((at) => at - sentAt[index]!),
    );
    const missing = ready.opened * options.fanoutRounds - delays.length + ready.failures;
    const result = percentiles(delays);
    const checked = count >= 10_000;
    add({
      section: 'Live fan-out',
      figure: `${count} SSE subscribers, ${options.fanoutRounds} changes (${engine})`,
      value:
        `first ${ms(delays.reduce((a, b) => Math.min(a, b), Infinity))}, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}` +
        (missing > 0 ? `, ${missing} missed` : ''),
      target: checked ? 'p99 < 100 ms' : '—',
      met: checked ? result.p99 < 100 && missing === 0 : missing === 0 ? null : false,
    });
  } finally {
    await subscribers.stop();
  }
}

/**
 * The draft compile is the generator's startReport of the newest report (over all observations);
 * the renderers render that report's published internal snapshot, as the server would.
 */
async function benchReport(
  engine: string,
  database: ReturnType<typeof openDatabase>,
  generated: GeneratedEvent,
  options: BenchOptions,
  add: (row: Row) => void,
  render: boolean,
): Promise<void> {
  options.progress(`${engine}: renderers…`);
  const number = generated.reportNumbers[generated.reportNumbers.length - 1]!;
  const row = await database.db
    .selectFrom('report_snapshots')
    .select('snapshot_json')
    .where('event_id', '=', generated.eventId)
    .where('number', '=', number)
    .where('audience', '=', 'internal')
    .executeTakeFirstOrThrow();
  const snapshot = JSON.parse(row.snapshot_json) as ReportSnapshot;
  add({
    section: 'Report',
    figure: `draft compile (startReport), ${snapshot.sections.length} sections (${engine})`,
    value: ms(generated.timings.lastDraftMs),
    target: '—',
    met: null,
  });
  // The renderers take only the snapshot: measured once, on the first engine's.
  if (!render) return;
  const renderers: [string, number, () => unknown][] = [
    ['HTML', 100, () => renderHtml(snapshot)],
    ['PDF', 250, () => renderPdf(snapshot)],
    ['DOCX', 250, () => renderDocx(snapshot)],
  ];
  for (const [name, target, render] of renderers) {
    // The first render draws the charts; later ones find them in the chart cache.
    const firstAt = performance.now();
    await render();
    const firstMs = performance.now() - firstAt;
    const times: number[] = [];
    for (let run = 0; run < options.renderRuns; run += 1) {
      const at = performance.now();
      await render();
      times.push(performance.now() - at);
    }
    const median = percentiles(times).p50;
    add({
      section: 'Report',
      figure: `${name} render, ${snapshot.sections.length} sections, median of ${options.renderRuns}`,
      value: `${ms(median)}; first render ${ms(firstMs)}`,
      target: `< ${target} ms`,
      met: median < target,
    });
  }
}

/** Runs the web engineer's bench/web-bundle.ts and reads its figure. */
async function webBundleRow(options: BenchOptions): Promise<Row> {
  options.progress('Web app: initial JavaScript (bench/web-bundle.ts)…');
  const output = await new Promise<string>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(benchDir, 'web-bundle.ts')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('exit', () => resolve(text));
  });
  const figure = /Initial JS \(gzip\): ([\d.]+) kB of (\d+) kB budget/.exec(output);
  const kb = Number(figure?.[1]);
  const webBudgetKb = Number(figure?.[2]);
  return {
    section: 'Web app',
    figure: 'initial JavaScript, gzip',
    value: Number.isFinite(kb)
      ? `${kb.toFixed(1)} kB`
      : `not measured: ${output.trim().slice(-200)}`,
    target: `≤ ${webBudgetKb} kB`,
    met: Number.isFinite(kb) ? kb <= webBudgetKb : false,
  };
}

export function formatTable(rows: Row[]): string {
  const header: Row = {
    section: 'area',
    figure: 'figure',
    value: 'value',
    target: 'target',
    met: null,
  };
  const verdict = (row: Row) =>
    row === header ? 'result' : row.met === null ? '' : row.met ? 'met' : 'NOT MET';
  const all = [header, ...rows];
  const width = (pick: (row: Row) => string) => Math.max(...all.map((row) => pick(row).length));
  const widths = [
    width((row) => row.section),
    width((row) => row.figure),
    width((row) => row.value),
    width((row) => row.target),
    width(verdict),
  ];
  const line = (row: Row) =>
    `| ${[row.section, row.figure, row.value, row.target, verdict(row)]
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function machineLine(): string {
  const cpus = os.cpus();
  return (
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
    `Node ${process.version}, load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`
  );
}

function optionsFromEnvironment(): BenchOptions {
  const env = process.env;
  const list = (value: string | undefined) => value?.split(',').map((item) => item.trim());
  return {
    ...fullOptions,
    ...(env.BENCH_SIZE === 'tiny' && { size: tinySize, curves: false }),
    ...(env.BENCH_CURVES && { curves: env.BENCH_CURVES !== '0' }),
    ...(env.BENCH_SECONDS && {
      seconds: Number(env.BENCH_SECONDS),
      readSeconds: Math.max(1, Math.round(Number(env.BENCH_SECONDS) / 2)),
    }),
    ...(env.BENCH_DIALECTS && { dialects: list(env.BENCH_DIALECTS) as DialectName[] }),
    ...(env.BENCH_SUBSCRIBERS && { subscriberCounts: list(env.BENCH_SUBSCRIBERS)!.map(Number) }),
    ...(env.BENCH_SERVER_NODE_ARGS !== undefined && {
      serverNodeArgs: env.BENCH_SERVER_NODE_ARGS.split(' ').filter(Boolean),
    }),
    ...(env.BENCH_SUBSCRIBER_NODE_ARGS && {
      subscriberNodeArgs: env.BENCH_SUBSCRIBER_NODE_ARGS.split(' '),
    }),
    ...(env.BENCH_NGINX === '0' && { nginx: false }),
    ...(env.BENCH_WEB === '0' && { webBundle: false }),
    ...(env.BENCH_PAGE_CLIENT === 'autocannon' && { pageClient: 'autocannon' as const }),
    ...(env.BENCH_ONLY && { only: list(env.BENCH_ONLY)! }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // Interrupted: exit normally, so that exit handlers stop nginx and the children.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => process.exit(130));
  const options = optionsFromEnvironment();
  const before = machineLine();
  const started = performance.now();
  const rows = await runBench(options);
  console.log(`\nLägesbild benchmarks, ${new Date().toISOString()}`);
  console.log(`Machine: ${before} (at start)`);
  console.log(formatTable(rows));
  console.log(
    `${rows.filter((row) => row.met === false).length} of ${rows.filter((row) => row.met !== null).length} targets not met; ` +
      `run took ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
  );
}
