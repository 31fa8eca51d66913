import cluster from 'node:cluster';
import type { Logger } from 'pino';

/**
 * WORKERS processes serving one port (node:cluster: the primary accepts and hands each connection
 * to a worker). Each worker starts as a whole node does (startServer): the PostgreSQL start-up
 * lock lets the first one migrate and the others find it done; the background jobs claim their
 * rows in the database, so they run safely in every worker; sessions, grants and caches behave as
 * between nodes. The primary serves nothing: it passes SIGTERM/SIGINT on, and stops everything
 * when a worker dies outside a stop, for the service manager to restart the whole.
 */
export function runWorkers(count: number, timeoutMs: number, log: Logger): void {
  let stopping = false;
  let exitCode = 0;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), timeoutMs + 1000).unref();
  };
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      log.fatal({ pid: worker.process.pid, code, signal }, 'A worker stopped: stopping the others');
      stopAll(1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stopAll(0));
  // Announced once every worker listens, so that whoever waits for the line finds all of them.
  let listening = 0;
  cluster.on('message', (_worker, message: Partial<WorkerListening>) => {
    if (message.type !== 'lagesbild-listening') return;
    listening += 1;
    if (listening === count) log.info({ url: message.url, workers: count }, message.line);
  });
  for (let started = 0; started < count; started += 1) cluster.fork();
  log.info({ workers: count }, `Starting ${count} worker processes on one port`);
}

interface WorkerListening {
  type: 'lagesbild-listening';
  url: string;
  line: string;
}

/** A worker tells the primary it listens; the primary announces the server once all do. */
export function announceWorker(url: string, line: string): void {
  const message: WorkerListening = { type: 'lagesbild-listening', url, line };
  process.send?.(message);
}
