// Tools the benchmark run is made of: child processes with a raised file-descriptor limit, an
// HTTP load driver (autocannon for reads, a small driver for the two-step submit), resident
// memory from /proc, nginx on a loopback port, percentiles.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));

export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a list of milliseconds. */
export function percentiles(values: number[]): Latency {
  if (values.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

/** The hard limit of open files, to raise each child's soft limit to (5,000 streams need it). */
function hardFileLimit(): string {
  try {
    return execFileSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim() || '65536';
  } catch {
    return '65536';
  }
}

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The next IPC message of this type. */
  next<T>(type: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Runs a bench/ script under node --import tsx (or a bundled .js file under plain node), with
 * IPC, and the open-files limit raised.
 */
export function spawnScript(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Child {
  const child = spawn(
    'sh',
    [
      '-c',
      `ulimit -n ${hardFileLimit()} 2>/dev/null; exec "$0" "$@"`,
      process.execPath,
      ...nodeArgs,
      ...(script.endsWith('.js') ? [script] : ['--import', 'tsx', path.join(benchDir, script)]),
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    pid: child.pid!,
    next: <T>(type: string, timeoutMs = 120_000) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`${script}: no "${type}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`${script} exited (${code}) before "${type}"`));
        };
        const onMessage = (message: { type?: string }) => {
          if (message.type !== type) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(message as T);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident set size of one process in MB, from /proc (Linux). */
function processResidentMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The process and every process it started, at any depth (a cluster primary's workers). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const listed = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (listed) children = children.concat(listed.split(' ').map(Number));
    }
  } catch {
    return [pid];
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Resident memory of the server in MB: the server process, plus its workers when it is a cluster
 * primary (WORKERS > 1), summed, since together they are what the machine must hold.
 */
export function residentMb(pid: number): number {
  return processTree(pid)
    .map(processResidentMb)
    .reduce((sum, mb) => sum + mb, 0);
}

/** How many processes `residentMb` sums: 1, or a primary and its workers. */
export function processCount(pid: number): number {
  return processTree(pid).length;
}

/** Samples the server's resident memory every 100 ms while `work` runs; answers the peak. */
export async function peakResidentDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number }> {
  let peakMb = residentMb(pid);
  const timer = setInterval(() => {
    const now = residentMb(pid);
    if (now > peakMb) peakMb = now;
  }, 100);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peakMb, residentMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  /** Responses that were not 2xx/304, plus connection errors and timeouts. */
  failures: number;
}

/** autocannon against one URL with N keep-alive connections for a number of seconds. */
export async function loadUrl(options: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  // autocannon counts whole seconds; a sub-second (smoke) run sends a fixed number instead.
  const length =
    options.seconds < 1
      ? {
          amount: Math.max(
            options.connections,
            Math.round(options.connections * 8 * options.seconds),
          ),
        }
      : { duration: options.seconds };
  // A second of the same load first, unsampled, when there is time for it: a fresh route's first
  // requests compile its code, which is not the steady state being measured.
  const warmup =
    options.seconds >= 2 ? { warmup: { connections: options.connections, duration: 1 } } : {};
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...length,
    ...warmup,
    headers: options.headers ?? {},
    timeout: 10,
  });
  // 304 Not Modified is a success for a conditional request; autocannon counts it as non-2xx.
  const notModified = result.statusCodeStats?.['304']?.count ?? 0;
  return {
    rps: result.requests.total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    failures: result.non2xx - notModified + result.errors + result.timeouts,
  };
}

export function findWrk(): string | null {
  for (const candidate of ['/usr/bin/wrk', '/usr/local/bin/wrk']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function wrkMillis(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  if (!match) return Number.NaN;
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Number(match[1]) * factor;
}

/**
 * wrk (C, one thread) against one URL: a lighter client than autocannon, so that on a small
 * machine the client is less of the bottleneck when serving large pages.
 */
export async function loadUrlWithWrk(
  binary: string,
  options: { url: string; connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
    '-H',
    `${name}: ${value}`,
  ]);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      binary,
      [
        '-t1',
        `-c${options.connections}`,
        `-d${Math.max(1, Math.round(options.seconds))}s`,
        '--timeout',
        '10s',
        '--latency',
        ...headerArgs,
        options.url,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(text));
  });
  const requests = Number(/(\d+) requests in/.exec(output)?.[1]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  if (!Number.isFinite(requests) || !Number.isFinite(rps)) {
    throw new Error(`wrk said: ${output}`);
  }
  const non2xx3xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  const socketErrors = socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0;
  return {
    rps,
    p50: wrkMillis(/^\s+50%\s+(\S+)/m.exec(output)?.[1]),
    p99: wrkMillis(/^\s+99%\s+(\S+)/m.exec(output)?.[1]),
    max: wrkMillis(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(output)?.[1]),
    requests,
    failures: non2xx3xx + socketErrors,
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function login(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lagesbild_session='));
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookie!.split(';')[0]!, csrfToken: body.csrfToken };
}

interface Reply {
  status: number;
  body: string;
}

function request(
  agent: http.Agent,
  base: URL,
  method: string,
  pathName: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: pathName,
        headers: {
          ...headers,
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(payload)),
          }),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export interface SubmitLoadResult {
  save: LoadResult;
  submit: LoadResult;
  /** Places (unit and week) written: a later load starts after them. */
  placesUsed: number;
}

/**
 * N clients, each in a loop for the duration: save a new unit situation (PUT, creates the draft)
 * and submit it (POST .../submit). Every pair uses a fresh unit and period, as real submits do.
 * The first `warmupSeconds` run the same load unrecorded: the first writes of a fresh process
 * compile the write paths (a second or more under 50 clients), which is not the steady state.
 */
export async function submitLoad(options: {
  base: string;
  session: Session;
  eventId: number;
  unitIds: number[];
  clients: number;
  seconds: number;
  warmupSeconds?: number;
  /** The first place to write (an earlier load's placesUsed); 0 when left out. */
  firstPlace?: number;
}): Promise<SubmitLoadResult> {
  const base = new URL(options.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const headers = { cookie: options.session.cookie, 'x-csrf-token': options.session.csrfToken };
  const saves: number[] = [];
  const submits: number[] = [];
  let failures = 0;
  let sequence = options.firstPlace ?? 0;
  const nextPlace = () => {
    const index = sequence++;
    const unitId = options.unitIds[index % options.unitIds.length]!;
    const slot = Math.floor(index / options.unitIds.length);
    // Weeks of years far from the generated ones, so every save creates a new draft.
    const year = 2040 + Math.floor(slot / 52);
    const week = String((slot % 52) + 1).padStart(2, '0');
    return `/api/events/${options.eventId}/units/${unitId}/situations/${year}-W${week}`;
  };
  const body = {
    overallStatus: 'yellow',
    areas: {
      accessToCare: 'yellow',
      patientSafety: 'green',
      staff: 'yellow',
      itProgramme: 'green',
      communication: 'green',
    },
    prognosis: 'unchanged',
    bullets: '- Ansträngt läge på akuten.\n- Bemanningen säkrad för veckan.',
    keyFigures: [{ name: 'Beläggningsgrad', value: 97, unit: '%' }],
  };
  const started = performance.now() + (options.warmupSeconds ?? 0) * 1000;
  const deadline = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const place = nextPlace();
      const measured = performance.now() >= started;
      try {
        let at = performance.now();
        const saved = await request(agent, base, 'PUT', place, headers, body);
        if (measured) saves.push(performance.now() - at);
        if (saved.status !== 201) {
          failures += 1;
          continue;
        }
        const { version } = JSON.parse(saved.body) as { version: number };
        at = performance.now();
        const submitted = await request(agent, base, 'POST', `${place}/submit`, headers, {
          version,
        });
        if (measured) submits.push(performance.now() - at);
        if (submitted.status !== 200) failures += 1;
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  const summarize = (values: number[]): LoadResult => ({
    ...percentiles(values),
    rps: values.length / seconds,
    requests: values.length,
    failures,
  });
  return { save: summarize(saves), submit: summarize(submits), placesUsed: sequence };
}

/** A request with the session, for setting things up and for making one change. */
export async function call(
  base: string,
  session: Session,
  method: string,
  pathName: string,
  body?: unknown,
): Promise<Reply> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    return await request(
      agent,
      new URL(base),
      method,
      pathName,
      { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body,
    );
  } finally {
    agent.destroy();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}
