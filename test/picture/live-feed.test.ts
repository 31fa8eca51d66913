import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { ChangeFeed } from '../../src/server/live/feed.ts';
import {
  type TestDatabase,
  createMigratedTestDatabase,
  testDialects,
} from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`live feed subscribers on ${dialect}`, () => {
    let testDatabase: TestDatabase;
    let database: Database;
    before(async () => {
      testDatabase = await createMigratedTestDatabase(dialect);
      database = openDatabase(testDatabase.url);
      await migrateToLatest(database);
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    it('counts subscribers over all events, each unsubscribe once', async () => {
      const feed = new ChangeFeed(database);
      const leaveFirst = await feed.subscribe(1, () => undefined);
      const leaveSecond = await feed.subscribe(1, () => undefined);
      const leaveOther = await feed.subscribe(2, () => undefined);
      assert.equal(feed.subscriberCount, 3);
      leaveFirst();
      leaveFirst();
      assert.equal(feed.subscriberCount, 2);
      leaveOther();
      leaveSecond();
      assert.equal(feed.subscriberCount, 0);
      const leaveAgain = await feed.subscribe(2, () => undefined);
      assert.equal(feed.subscriberCount, 1);
      leaveOther();
      assert.equal(feed.subscriberCount, 1, 'an old unsubscribe does not remove a new subscriber');
      leaveAgain();
      assert.equal(feed.subscriberCount, 0);
    });

    it('delivers a change whose lower id becomes visible after a higher one', async () => {
      const feed = new ChangeFeed(database);
      const received: number[] = [];
      const leave = await feed.subscribe(7, (change) => received.push(change.sequence));
      const newest = await database.db
        .selectFrom('audit_records')
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirst();
      const base = Number(newest?.max ?? 0) + 10;
      const record = (id: number) =>
        database.db
          .insertInto('audit_records')
          .values({
            id,
            at: new Date().toISOString(),
            actor_label: 'test',
            event_id: 7,
            action: 'log.create',
            entity_type: 'log_entry',
            entity_id: String(id),
          })
          .execute();
      const settle = async (count: number) => {
        for (let tries = 0; tries < 100 && received.length < count; tries += 1) {
          feed.poke();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await record(base + 2);
      await settle(1);
      await record(base + 1);
      await settle(2);
      leave();
      assert.deepEqual(received, [base + 2, base + 1]);
    });
  });
}
