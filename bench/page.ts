// The published page as readers see it: the demo event's first report (the size people really
// publish, about 25 kB) and the generated event's newest, large one; plain and gzip-compressed,
// against nginx serving the same bytes (gzip_static: the same precompressed file) with one worker
// and with `worker_processes auto`. wrk, keep-alive.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../src/server/db/database.ts';
import { loadDemo } from '../src/server/demo/seed.ts';
import type { GeneratedEvent } from './generate.ts';
import {
  type LoadResult,
  findNginx,
  findWrk,
  freePort,
  loadUrl,
  loadUrlWithWrk,
} from './harness.ts';
import type { BenchOptions, Row } from './run.ts';

/** The demo, loaded before the generated event (the demo loads only into an empty database). */
export async function loadDemoForPage(database: Database): Promise<number | null> {
  const demo = await loadDemo(database.db, { password: 'Bänkprovets-demo-2026' });
  return demo?.eventId ?? null;
}

interface Page {
  label: string;
  path: string;
}

interface Case {
  page: Page;
  encoding: 'identity' | 'gzip';
  bytes: Buffer;
}

const nginxWorkers = ['1', 'auto'] as const;

export async function benchPublishedPages(
  engine: string,
  url: string,
  demoEventId: number | null,
  generated: GeneratedEvent,
  options: BenchOptions,
  folder: string,
  track: <T>(work: () => Promise<T>) => Promise<T>,
  add: (row: Row) => void,
): Promise<void> {
  const newest = generated.reportNumbers[generated.reportNumbers.length - 1]!;
  const pages: Page[] = [
    ...(demoEventId === null ? [] : [{ label: 'demo page', path: `/r/${demoEventId}/1` }]),
    { label: 'large page', path: `/r/${generated.eventId}/${newest}` },
  ];
  const cases: Case[] = [];
  for (const page of pages) {
    for (const encoding of ['identity', 'gzip'] as const) {
      // The demo's page plain (as the issue measured it) and compressed; the large one as a browser gets it.
      if (page.label === 'large page' && encoding === 'identity') continue;
      cases.push({ page, encoding, bytes: await fetchBytes(url, page.path, encoding) });
    }
  }
  const wrk = options.pageClient === 'wrk' ? findWrk() : null;
  const client = wrk ? 'wrk' : 'autocannon';
  const connections = options.pageConnections;
  const load = (target: string, encoding: Case['encoding'], extra: Record<string, string> = {}) =>
    (wrk ? loadUrlWithWrk.bind(null, wrk) : loadUrl)({
      url: target,
      connections,
      seconds: options.seconds,
      headers: { ...extra, ...(encoding === 'gzip' && { 'accept-encoding': 'gzip' }) },
    });
  const nginxBinary = options.nginx ? findNginx() : null;
  if (options.nginx && !nginxBinary) {
    throw new Error('nginx is not installed (apt-get install -y nginx-light)');
  }
  const servers = nginxBinary
    ? await Promise.all(
        nginxWorkers.map((workers) =>
          startStaticNginx(nginxBinary, path.join(folder, `nginx-${engine}-${workers}`), workers),
        ),
      )
    : [];
  try {
    for (const served of cases) {
      const name = `${served.page.label} ${served.page.path}, ${kb(served.bytes)}${
        served.encoding === 'gzip' ? ' gzip' : ''
      }`;
      options.progress(`${engine}: published ${name}…`);
      const app = await track(() => load(`${url}${served.page.path}`, served.encoding));
      add({
        section: 'Published page',
        figure: `Lägesbild, ${name}, ${connections} conns, ${client} (${engine})`,
        value: pageValue(app),
        target: '—',
        met: null,
      });
      for (const nginx of servers) {
        nginx.put(served.page.path, served);
        await nginx.check(served.page.path, served);
        const reference = await load(`${nginx.url}${served.page.path}`, served.encoding);
        add({
          section: 'Published page',
          figure: `nginx worker_processes ${nginx.workers}, same bytes (${engine} run)`,
          value: pageValue(reference),
          target: '—',
          met: null,
        });
        const ratio = app.rps / reference.rps;
        const goal = nginx.workers === 'auto';
        add({
          section: 'Published page',
          figure: `ratio Lägesbild / nginx ${nginx.workers}, ${served.page.label}${
            served.encoding === 'gzip' ? ' gzip' : ''
          } (${engine})`,
          value: ratio.toFixed(2),
          target: goal ? '≥ 0.5' : '—',
          met: goal ? ratio >= 0.5 && app.failures === 0 : null,
        });
      }
    }
    const demo = cases[0]!;
    const etag = (await fetch(`${url}${demo.page.path}`)).headers.get('etag') ?? '';
    const revalidated = await track(() =>
      load(`${url}${demo.page.path}`, 'identity', { 'if-none-match': etag }),
    );
    add({
      section: 'Published page',
      figure: `Lägesbild, ${demo.page.label}, If-None-Match → 304 (${engine})`,
      value: pageValue(revalidated),
      target: '—',
      met: null,
    });
  } finally {
    for (const nginx of servers) await nginx.stop();
  }
}

function kb(bytes: Buffer): string {
  return `${(bytes.length / 1024).toFixed(0)} kB`;
}

function pageValue(result: LoadResult): string {
  return (
    `${result.rps.toFixed(0)} rps, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms` +
    (result.failures ? `, ${result.failures} failed` : '')
  );
}

async function fetchBytes(
  base: string,
  pagePath: string,
  encoding: Case['encoding'],
): Promise<Buffer> {
  const answer = await rawGet(`${base}${pagePath}`, encoding);
  if (answer.status !== 200) throw new Error(`${pagePath}: ${answer.status}`);
  const sent = answer.headers.get('content-encoding') ?? 'identity';
  if (sent !== encoding) throw new Error(`${pagePath}: sent ${sent}, asked for ${encoding}`);
  return answer.body;
}

/** A GET that keeps the bytes as sent (fetch would decompress them). */
async function rawGet(target: string, encoding: Case['encoding']) {
  const http = await import('node:http');
  return new Promise<{ status: number; headers: Headers; body: Buffer }>((resolve, reject) => {
    http
      .get(target, { headers: { 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

interface StaticNginx {
  url: string;
  workers: string;
  /** Writes the page, plain or as its precompressed `.gz` beside it. */
  put(urlPath: string, served: Case): void;
  /** Refuses to measure unless nginx sends exactly the bytes Lägesbild sent. */
  check(urlPath: string, served: Case): Promise<void>;
  stop(): Promise<void>;
}

/** nginx with static files and gzip_static: the precompressed file, never compressed per request. */
async function startStaticNginx(
  binary: string,
  folder: string,
  workers: string,
): Promise<StaticNginx> {
  const root = path.join(folder, 'www');
  fs.mkdirSync(path.join(folder, 'logs'), { recursive: true });
  fs.mkdirSync(root, { recursive: true });
  // Run as root, nginx's workers drop to an unprivileged user, who must read the files.
  for (const dir of [path.dirname(folder), folder, root]) fs.chmodSync(dir, 0o755);
  const temp = (name: string) => path.join(folder, name);
  const port = await freePort();
  fs.writeFileSync(
    temp('nginx.conf'),
    `worker_processes ${workers};
daemon off;
pid ${temp('nginx.pid')};
error_log ${temp('logs/error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip off;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    location / { root ${root}; default_type 'text/html; charset=utf-8'; }
  }
}
`,
  );
  execFileSync(binary, ['-t', '-p', folder, '-c', temp('nginx.conf')], { stdio: 'pipe' });
  const child = spawn(binary, ['-p', folder, '-c', temp('nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stopOnExit = () => child.kill('SIGQUIT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      if (attempt > 50 || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`nginx (${workers} workers) did not start`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    workers,
    put: (urlPath, served) => {
      const file = path.join(root, urlPath) + (served.encoding === 'gzip' ? '.gz' : '');
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      fs.writeFileSync(file, served.bytes, { mode: 0o644 });
    },
    check: async (urlPath, served) => {
      const answer = await rawGet(`${url}${urlPath}`, served.encoding);
      const sent = answer.headers.get('content-encoding') ?? 'identity';
      if (answer.status !== 200 || sent !== served.encoding || !answer.body.equals(served.bytes)) {
        throw new Error(
          `nginx does not serve the same bytes: ${answer.status} ${sent}, ` +
            `${answer.body.length} vs ${served.bytes.length} bytes`,
        );
      }
    },
    stop: async () => {
      process.off('exit', stopOnExit);
      if (child.exitCode === null) child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
