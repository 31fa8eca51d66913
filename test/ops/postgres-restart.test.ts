// PostgreSQL goes down under writes and comes back: the node stays up, answers 503 with a clear
// message meanwhile, recovers by itself, and loses no acknowledged write. The test runs its own
// PostgreSQL cluster (pg_createcluster) so that stopping it disturbs no other test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testDialects } from '../support/databases.ts';
import { EventStream } from '../support/event-stream.ts';
import {
  ProcessSession,
  type ServerProcess,
  processAdmin,
  startServerProcess,
} from '../support/server-process.ts';

const version = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql')[0] : undefined;
const cluster = `lagesbild_restart_${randomBytes(4).toString('hex')}`;

function pgctl(action: 'start' | 'stop'): void {
  const extra = action === 'stop' ? ['-m', 'fast'] : [];
  execFileSync(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', version!, cluster, action, ...extra],
    {
      stdio: 'pipe',
    },
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: string;
  at: number;
}

const onPostgres = testDialects().includes('postgres');

describe(
  'a PostgreSQL restart under writes',
  { skip: !onPostgres && 'PostgreSQL not available' },
  () => {
    let url: string;
    let node: ServerProcess;

    before(async () => {
      assert.ok(version, 'PostgreSQL server packages (/etc/postgresql) are needed for this test');
      const port = await freePort();
      execFileSync(
        'pg_createcluster',
        [version, cluster, '-p', String(port), '--start', '--', '-A', 'trust'],
        { stdio: 'pipe' },
      );
      url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      node = await startServerProcess({ DATABASE_URL: url });
    });
    after(async () => {
      await node?.stop();
      if (version) {
        execFileSync('pg_dropcluster', ['--stop', version, cluster], { stdio: 'pipe' });
      }
    });

    it('answers 503 during the outage, recovers by itself and keeps every acknowledged write', async () => {
      const admin = await ProcessSession.signIn(
        node.url,
        processAdmin.email,
        processAdmin.password,
      );
      const created = await admin.post('/api/events', { name: 'Databasavbrott' });
      assert.equal(created.status, 201);
      const eventId = ((await created.json()) as { id: number }).id;
      const stream = await EventStream.open(admin, `/api/events/${eventId}/stream`);

      const acknowledged = new Map<number, string>();
      const answers: Answer[] = [];
      let writing = true;
      let sent = 0;
      const writer = async () => {
        while (writing) {
          const text = `Notering ${(sent += 1)} under omstart`;
          const response = await admin
            .post(`/api/events/${eventId}/log`, { occurredAt: new Date().toISOString(), text })
            .catch(() => null);
          if (!response) {
            answers.push({ status: 0, body: 'no answer', at: Date.now() });
            continue;
          }
          const body = await response.text();
          answers.push({ status: response.status, body, at: Date.now() });
          if (response.status === 201)
            acknowledged.set((JSON.parse(body) as { id: number }).id, text);
          else await sleep(50);
        }
      };
      const writers = [writer(), writer(), writer(), writer()];

      await sleep(1500);
      const stoppedAt = Date.now();
      pgctl('stop');
      const readyDuringOutage = await fetch(`${node.url}/readyz`);
      await sleep(1500);
      const restartedAt = Date.now();
      pgctl('start');
      let recoveredAt: number | null = null;
      while (recoveredAt === null && Date.now() - restartedAt < 20_000) {
        await sleep(100);
        const ok = answers.find((answer) => answer.at > restartedAt && answer.status === 201);
        if (ok) recoveredAt = ok.at;
      }
      await sleep(1000);
      writing = false;
      await Promise.all(writers);

      assert.equal(node.child.exitCode, null, `the node stopped: ${node.output()}`);
      assert.equal(readyDuringOutage.status, 503);
      assert.ok(recoveredAt !== null, 'no write succeeded within 20 s of PostgreSQL starting');
      assert.equal((await fetch(`${node.url}/readyz`)).status, 200);

      const failures = answers.filter((answer) => answer.status !== 201);
      const duringOutage = failures.filter((answer) => answer.at > stoppedAt);
      assert.ok(duringOutage.length > 0, 'no request reached the node during the outage');
      for (const failure of failures) {
        assert.equal(failure.status, 503, failure.body);
        const body = JSON.parse(failure.body) as { error: string; message: string };
        assert.equal(body.error, 'unavailable');
        assert.match(body.message, /databas/i);
        assert.doesNotMatch(failure.body, /\bat .*\.ts:\d+|stack/i);
      }

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: number; text: string }>(
          'SELECT id, text FROM log_entries WHERE event_id = $1',
          [eventId],
        );
        const stored = new Map(rows.map((row) => [Number(row.id), row.text]));
        const lost = [...acknowledged].filter(([id, text]) => stored.get(id) !== text);
        assert.deepEqual(lost, []);
        assert.ok(acknowledged.size > 10, `only ${acknowledged.size} writes acknowledged`);
      } finally {
        await client.end();
      }

      const lastId = Math.max(...acknowledged.keys());
      const afterRecovery = await admin.post(`/api/events/${eventId}/log`, {
        occurredAt: new Date().toISOString(),
        text: 'Första noteringen efter avbrottet',
      });
      assert.equal(afterRecovery.status, 201);
      const id = ((await afterRecovery.json()) as { id: number }).id;
      assert.ok(id > lastId);
      await stream.waitFor(
        (event) => event.type === 'change' && JSON.parse(event.data).id === String(id),
      );
      stream.close();
      console.log(
        `PostgreSQL restart: ${acknowledged.size} writes acknowledged, 0 lost, ` +
          `${duringOutage.length} answered 503 during the outage, service back ` +
          `${recoveredAt! - restartedAt} ms after PostgreSQL started`,
      );
    });
  },
);
