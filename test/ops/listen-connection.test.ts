import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { listenForNotifications } from '../../src/server/db/notifications.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// SQLite has no listening connection: one process writes and readers poll.
for (const dialect of testDialects().filter((name) => name === 'postgres')) {
  describe('the live-update listening connection (PostgreSQL only)', () => {
    it('logs losing the connection once and its return with the time it was down', async () => {
      const database = await createTestDatabase(dialect);
      const channel = 'lagesbild_listen_test';
      const logged: { level: string; details: Record<string, unknown>; message: string }[] = [];
      const entry = (level: string) => (details: object, message: string) =>
        logged.push({ level, details: details as Record<string, unknown>, message });
      let wakes = 0;
      const stop = listenForNotifications(
        { connectionString: database.url },
        channel,
        () => (wakes += 1),
        { info: entry('info'), warn: entry('warn') },
      );
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      try {
        await waitFor(() => wakes === 1, 'the first connection');
        assert.equal(logged.length, 0, 'nothing to report while it works');
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where query = $1 and pid <> pg_backend_pid()`,
          [`LISTEN ${channel}`],
        );
        await waitFor(() => wakes === 2, 'the reconnection');
        assert.deepEqual(
          logged.map((item) => [item.level, item.message]),
          [
            [
              'warn',
              'Live updates: lost the PostgreSQL listening connection; reconnecting (polling meanwhile)',
            ],
            ['info', 'Live updates: the PostgreSQL listening connection is restored'],
          ],
        );
        assert.equal(typeof logged[0]!.details.reason, 'string');
        assert.equal(typeof logged[1]!.details.downMs, 'number');
      } finally {
        await admin.end();
        await stop();
        await database.drop();
      }
    });
  });
}
