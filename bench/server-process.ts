// The server under test, in its own process, started the way `lagesbild serve` starts it
// (startServer: migrate, first admin, listen). Sends {type:'ready', url} over IPC once listening
// and stops on 'stop'. Environment: DATABASE_URL (required); PORT 0 picks a free port.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/start.ts';

const config = loadConfig({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: process.env.PORT ?? '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  LAGESBILD_DEMO: 'false',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'Bänkprovets-lösenord-2026',
  SMTP_URL: '',
  SECRET_KEY: process.env.SECRET_KEY ?? randomBytes(32).toString('base64'),
});
const server = await startServer(config, pino({ level: 'silent' }));
process.send?.({ type: 'ready', url: server.url });
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  void server.stop().finally(() => process.exit(0));
});
process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
