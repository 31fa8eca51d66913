// Several app nodes on one PostgreSQL: live updates across nodes, migrations applied once when
// nodes start together. (The PostgreSQL restart is in postgres-restart.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { EventStream } from '../support/event-stream.ts';
import {
  ProcessSession,
  type ServerProcess,
  processAdmin,
  startServerProcess,
} from '../support/server-process.ts';

const onPostgres = testDialects().includes('postgres');

describe('several nodes on PostgreSQL', { skip: !onPostgres && 'PostgreSQL not available' }, () => {
  let database: TestDatabase;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let admin: ProcessSession;
  let eventId: number;

  before(async () => {
    database = await createTestDatabase('postgres');
    nodeA = await startServerProcess({ DATABASE_URL: database.url });
    nodeB = await startServerProcess({ DATABASE_URL: database.url });
    admin = await ProcessSession.signIn(nodeA.url, processAdmin.email, processAdmin.password);
    const created = await admin.post('/api/events', { name: 'Två noder' });
    assert.equal(created.status, 201, await created.clone().text());
    eventId = ((await created.json()) as { id: number }).id;
  });
  after(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await database?.drop();
  });

  async function writeLogEntry(session: ProcessSession, text: string): Promise<number> {
    const response = await session.post(`/api/events/${eventId}/log`, {
      occurredAt: new Date().toISOString(),
      text,
    });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { id: number }).id;
  }

  it('delivers a change committed through node A to a subscriber on node B within a second', async () => {
    const stream = await EventStream.open(admin.on(nodeB.url), `/api/events/${eventId}/stream`);
    try {
      const delays: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        const sentAt = Date.now();
        const id = await writeLogEntry(admin, `Lägesnotering ${round} via nod A`);
        const arrived = await stream.waitFor(
          (event) => event.type === 'change' && JSON.parse(event.data).id === String(id),
        );
        delays.push(arrived.receivedAt - sentAt);
      }
      assert.ok(Math.max(...delays) < 1000, `delays ${delays.join(', ')} ms`);
    } finally {
      stream.close();
    }
  });

  it('replays what a subscriber missed when it reconnects to the other node with Last-Event-ID', async () => {
    const first = await EventStream.open(admin.on(nodeB.url), `/api/events/${eventId}/stream`);
    const seenId = await writeLogEntry(admin, 'Sista noteringen före avbrottet');
    const seen = await first.waitFor(
      (event) => event.type === 'change' && JSON.parse(event.data).id === String(seenId),
    );
    first.close();
    const missed = [
      await writeLogEntry(admin.on(nodeB.url), 'Missad notering ett'),
      await writeLogEntry(admin, 'Missad notering två'),
    ];
    const resumed = await EventStream.open(admin, `/api/events/${eventId}/stream`, seen.id!);
    try {
      // What is checked here is the replay, not its speed (the test above times delivery): a
      // generous wait keeps a busy CI machine from failing it.
      for (const id of missed) {
        await resumed.waitFor(
          (event) => event.type === 'change' && JSON.parse(event.data).id === String(id),
          15_000,
        );
      }
      assert.ok(resumed.events.every((event) => event.id === null || event.id > seen.id!));
    } finally {
      resumed.close();
    }
  });

  it('applies every migration exactly once when three nodes start at the same moment', async () => {
    const empty = await createTestDatabase('postgres');
    const nodes: ServerProcess[] = [];
    try {
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => startServerProcess({ DATABASE_URL: empty.url })),
      );
      for (const result of started) if (result.status === 'fulfilled') nodes.push(result.value);
      assert.equal(
        nodes.length,
        3,
        started.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')).join('\n'),
      );
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string; count: number }>(
          'SELECT name, count(*)::int AS count FROM kysely_migration GROUP BY name',
        );
        assert.ok(rows.length > 10);
        assert.deepEqual(
          rows.filter((row) => row.count !== 1),
          [],
        );
        const admins = await client.query('SELECT count(*)::int AS count FROM users');
        assert.equal(admins.rows[0].count, 1);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(nodes.map((node) => node.stop()));
      await empty.drop();
    }
  });
});
