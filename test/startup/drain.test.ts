import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase, testDialects } from '../support/databases.ts';
import { startServerProcess } from '../support/server-process.ts';

const workers = 6;
const loadBeforeSignalMs = 400;
/** Half the drain time of src/server/start.ts: no connection may be cut before it. */
const drainGraceMs = 500;

interface Outcome {
  statuses: number[];
  /** When each answer arrived and each error happened (ms since the epoch). */
  answeredAt: number[];
  errors: { code: string; at: number }[];
}

/** Sends requests back to back on kept-alive connections until the server is gone. */
async function keepRequesting(url: string, outcome: Outcome, until: () => boolean) {
  while (!until()) {
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      outcome.statuses.push(response.status);
      outcome.answeredAt.push(Date.now());
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      outcome.errors.push({ code: cause?.code ?? String(error), at: Date.now() });
      if (cause?.code === 'ECONNREFUSED') return;
    }
  }
}

/** /readyz once the signal has reached the server: the node drains, so it is not ready. */
async function readyzSoonAfter(url: string): Promise<{ status: number; body: unknown }> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
}

for (const dialect of testDialects()) {
  describe(`stopping under load (${dialect})`, () => {
    it('answers every request it accepted once SIGTERM came, none with 503, while /readyz says not ready', async () => {
      const database = await createTestDatabase(dialect);
      try {
        const server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info' });
        const exited = new Promise<number | null>((resolve) =>
          server.child.once('exit', (code) => resolve(code)),
        );
        let gone = false;
        void exited.then(() => setTimeout(() => (gone = true), 200));
        const outcome: Outcome = { statuses: [], answeredAt: [], errors: [] };
        const load = Array.from({ length: workers }, () =>
          keepRequesting(server.url, outcome, () => gone),
        );
        await new Promise((resolve) => setTimeout(resolve, loadBeforeSignalMs));
        const signalledAt = Date.now();
        server.child.kill('SIGTERM');
        const readyWhileDraining = await readyzSoonAfter(server.url);
        assert.equal(await exited, 0, server.output());
        await Promise.all(load);

        const lines = server
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { msg?: string; reqId?: string; res?: object });
        const received = new Set(
          lines.filter((line) => line.msg === 'incoming request').map((line) => line.reqId),
        );
        const answered = lines.filter((line) => line.msg === 'request completed');
        const answeredAfterSignal = outcome.answeredAt.filter((at) => at >= signalledAt).length;
        const errors = outcome.errors.map((error) => `${error.code} +${error.at - signalledAt} ms`);
        console.log(
          `# ${dialect}: ${outcome.statuses.length} answered, ${answeredAfterSignal} of them after SIGTERM; ` +
            `errors once it stopped accepting: ${errors.join(', ') || 'none'}`,
        );
        assert.ok(answeredAfterSignal > 0, 'requests kept coming after SIGTERM');
        assert.deepEqual(readyWhileDraining, {
          status: 503,
          body: { status: 'not_ready', message: 'Noden stängs ned.' },
        });
        assert.equal(answered.length, received.size, 'every accepted request was answered');
        assert.deepEqual(
          outcome.statuses.filter((status) => status !== 200),
          [],
          'no 503 from the app while draining',
        );
        assert.equal(
          outcome.statuses.length + 1,
          answered.length,
          'every answer reached its client (and the one /readyz check)',
        );
        assert.deepEqual(
          outcome.errors.filter((error) => error.at - signalledAt < drainGraceMs),
          [],
          'no request cut while the server still listens',
        );
      } finally {
        await database.drop();
      }
    });
  });
}
