// How a PostgreSQL node tells the others that it committed a change: after the commit, never
// inside the writing transaction, and one NOTIFY for a burst (src/server/db/change-announcer.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { systemActor } from '../../src/server/http/actor.ts';
import { recordAudit } from '../../src/server/audit/record.ts';
import {
  AnnouncingPostgresDialect,
  coalescingNotifier,
} from '../../src/server/db/change-announcer.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { changeChannel } from '../../src/server/db/notifications.ts';
import type { Schema } from '../../src/server/db/schema.ts';
import {
  type TestDatabase,
  createMigratedTestDatabase,
  testDialects,
} from '../support/databases.ts';

const onPostgres = testDialects().includes('postgres');

const entry = (entityId: number) => ({
  action: 'log.create',
  entityType: 'log_entry',
  entityId,
  eventId: null,
});

describe(
  'announcing committed changes on PostgreSQL',
  { skip: !onPostgres && 'PostgreSQL not available' },
  () => {
    let database: TestDatabase;
    let pool: pg.Pool;
    let db: Kysely<Schema>;
    /** For each announcement: how many audit records another connection could read at that moment. */
    let seenAtAnnouncement: Promise<number>[];

    const committedRecords = async () =>
      Number((await pool.query('select count(*) as n from audit_records')).rows[0].n);

    before(async () => {
      database = await createMigratedTestDatabase('postgres');
      pool = new pg.Pool({ connectionString: database.url, max: 4 });
      pool.on('error', () => undefined);
      seenAtAnnouncement = [];
      db = new Kysely<Schema>({
        dialect: new AnnouncingPostgresDialect({ pool }, () =>
          seenAtAnnouncement.push(committedRecords()),
        ),
      });
    });
    after(async () => {
      await db?.destroy();
      await database?.drop();
    });

    const announcementsDuring = async (work: () => Promise<unknown>) => {
      seenAtAnnouncement = [];
      const recordsBefore = await committedRecords();
      await work().catch(() => undefined);
      return { seen: await Promise.all(seenAtAnnouncement), recordsBefore };
    };

    it('announces a transaction that wrote audit records once, after its commit is visible', async () => {
      const { seen, recordsBefore } = await announcementsDuring(() =>
        db.transaction().execute(async (trx) => {
          await recordAudit(trx, systemActor, entry(1));
          await recordAudit(trx, systemActor, entry(2));
        }),
      );
      assert.deepEqual(seen, [recordsBefore + 2]);
    });

    it('announces nothing for a transaction that rolled back or wrote no audit record', async () => {
      const rolledBack = await announcementsDuring(() =>
        db.transaction().execute(async (trx) => {
          await recordAudit(trx, systemActor, entry(3));
          throw new Error('the write is refused');
        }),
      );
      assert.deepEqual(rolledBack.seen, []);
      assert.equal(await committedRecords(), rolledBack.recordsBefore);

      const withoutAudit = await announcementsDuring(() =>
        db.transaction().execute((trx) => sql`select 1`.execute(trx)),
      );
      assert.deepEqual(withoutAudit.seen, []);
    });

    it('announces an audit record written outside a transaction when it has been written', async () => {
      const { seen, recordsBefore } = await announcementsDuring(() =>
        recordAudit(db, systemActor, entry(4)),
      );
      assert.deepEqual(seen, [recordsBefore + 1]);
    });

    it('leaves no notification in the writing transaction (the audit trigger is gone)', async () => {
      const triggers = await pool.query(
        `select tgname from pg_trigger where tgrelid = 'audit_records'::regclass and not tgisinternal`,
      );
      assert.ok(
        !triggers.rows.some((row: { tgname: string }) => row.tgname === 'audit_records_notify'),
        JSON.stringify(triggers.rows),
      );
    });
  },
);

describe(
  'a node waking on another node’s commits',
  { skip: !onPostgres && 'PostgreSQL not available' },
  () => {
    let testDatabase: TestDatabase;
    let writer: Database;
    let reader: Database;

    before(async () => {
      testDatabase = await createMigratedTestDatabase('postgres');
      writer = openDatabase(testDatabase.url);
      reader = openDatabase(testDatabase.url);
    });
    after(async () => {
      await Promise.all([writer?.close(), reader?.close()]);
      await testDatabase?.drop();
    });

    /** Starts listening on `reader` and resolves once the listening connection is up. */
    async function listen(): Promise<{
      wakes: () => number;
      waitForWakes(n: number): Promise<void>;
      stop(): Promise<void>;
    }> {
      let count = 0;
      const waiters: (() => void)[] = [];
      let connected!: () => void;
      const up = new Promise<void>((resolve) => (connected = resolve));
      const stop = reader.listenForChanges!(() => {
        count += 1;
        if (count === 1) connected();
        for (const wake of waiters.splice(0)) wake();
      });
      await up;
      count = 0;
      return {
        wakes: () => count,
        async waitForWakes(n) {
          while (count < n) await new Promise<void>((resolve) => waiters.push(resolve));
        },
        stop,
      };
    }

    it('is woken by a commit on the writing node, without polling', async () => {
      const listener = await listen();
      try {
        await writer.db.transaction().execute((trx) => recordAudit(trx, systemActor, entry(5)));
        await listener.waitForWakes(1);
        assert.equal(listener.wakes(), 1);
      } finally {
        await listener.stop();
      }
    });

    it('is woken once or twice, not fifty times, by a burst of fifty announcements', async () => {
      const listener = await listen();
      const notifyPool = new pg.Pool({ connectionString: testDatabase.url, max: 1 });
      try {
        const announce = coalescingNotifier(notifyPool, changeChannel);
        for (let i = 0; i < 50; i += 1) announce();
        await listener.waitForWakes(2);
        // A third notification would come right behind the second; give it time to arrive.
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(listener.wakes(), 2);
      } finally {
        await listener.stop();
        await notifyPool.end();
      }
    });
  },
);
