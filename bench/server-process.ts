// The server under test, in its own process, started the way `lagesbild serve` starts it
// (startServer: migrate, first admin, listen). Sends {type:'ready', url} over IPC once listening
// and stops on 'stop'. Environment: DATABASE_URL (required); PORT 0 picks a free port;
// BENCH_WORKERS (PostgreSQL only): that many worker processes on one port, as WORKERS does.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/start.ts';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;
const config = loadConfig({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: process.env.PORT ?? '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  LAGESBILD_DEMO: 'false',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'Bänkprovets-lösenord-2026',
  SMTP_URL: '',
  // Every worker seals with the same key.
  SECRET_KEY: process.env.SECRET_KEY ?? randomBytes(32).toString('base64'),
  WORKERS: onPostgres ? (process.env.BENCH_WORKERS ?? '1') : '1',
});

if (config.WORKERS > 1 && cluster.isPrimary) {
  const workers = Array.from({ length: config.WORKERS }, () =>
    cluster.fork({ SECRET_KEY: config.SECRET_KEY }),
  );
  let ready = 0;
  for (const worker of workers) {
    worker.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'ready') return;
      ready += 1;
      if (ready === workers.length) process.send?.({ type: 'ready', url: message.url });
    });
  }
  const stopAll = () => {
    for (const worker of workers) worker.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') stopAll();
  });
  process.on('disconnect', stopAll);
} else {
  const server = await startServer(config, pino({ level: 'silent' }));
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.send?.({ type: 'ready', url: server.url });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') stop();
  });
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}
