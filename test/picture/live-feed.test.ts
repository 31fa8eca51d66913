import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { ChangeFeed } from '../../src/server/live/feed.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`live feed subscribers on ${dialect}`, () => {
    let testDatabase: TestDatabase;
    let database: Database;
    before(async () => {
      testDatabase = await createTestDatabase(dialect);
      database = openDatabase(testDatabase.url);
      await migrateToLatest(database);
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    it('counts subscribers over all events, each unsubscribe once', async () => {
      const feed = new ChangeFeed(database.db, 60_000);
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
  });
}
