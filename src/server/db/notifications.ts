import pg from 'pg';

/** The PostgreSQL channel on which committed changes are announced (src/server/db/change-announcer.ts). */
export const changeChannel = 'lagesbild_changes';

/** Where the listener reports losing and regaining its connection (a pino logger fits). */
export interface ConnectionLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const silentLog: ConnectionLog = { info: () => undefined, warn: () => undefined };

const firstRetryMs = 250;
const longestRetryMs = 5000;

/**
 * Keeps one connection LISTENing on a channel, reconnecting with back-off when PostgreSQL goes
 * away. `onWake` runs for every notification and after every (re)connection, since notifications
 * sent while disconnected are lost and the listener must catch up by reading.
 */
export function listenForNotifications(
  config: pg.ClientConfig,
  channel: string,
  onWake: () => void,
  log: ConnectionLog = silentLog,
): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  /** When the connection was lost; null while listening or before the first connection. */
  let lostAt: number | null = null;

  const reportLost = (reason: string) => {
    if (stopped || lostAt !== null) return;
    lostAt = Date.now();
    log.warn(
      { channel, reason },
      'Live updates: lost the PostgreSQL listening connection; reconnecting (polling meanwhile)',
    );
  };
  const reportRestored = () => {
    if (lostAt === null) return;
    log.info(
      { channel, downMs: Date.now() - lostAt },
      'Live updates: the PostgreSQL listening connection is restored',
    );
    lostAt = null;
  };
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, longestRetryMs);
  };

  const connect = async () => {
    const candidate = new pg.Client(config);
    let failure = 'the connection ended';
    candidate.on('error', (error) => (failure = error.message));
    candidate.on('end', () => {
      if (client === candidate) {
        client = null;
        reportLost(failure);
      }
      scheduleReconnect();
    });
    candidate.on('notification', (message) => {
      if (message.channel === channel) onWake();
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${channel}`);
    } catch {
      await candidate.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (stopped) return void (await candidate.end().catch(() => undefined));
    client = candidate;
    retryMs = firstRetryMs;
    reportRestored();
    onWake();
  };

  void connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => undefined);
    client = null;
  };
}
