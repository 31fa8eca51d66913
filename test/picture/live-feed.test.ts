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

    const newestId = async () => {
      const newest = await database.db
        .selectFrom('audit_records')
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirst();
      return Number(newest?.max ?? 0);
    };
    const record = (id: number, eventId: number) =>
      database.db
        .insertInto('audit_records')
        .values({
          id,
          at: new Date().toISOString(),
          actor_label: 'test',
          event_id: eventId,
          action: 'log.create',
          entity_type: 'log_entry',
          entity_id: String(id),
        })
        .execute();
    const settle = async (feed: ChangeFeed, done: () => boolean) => {
      for (let tries = 0; tries < 100 && !done(); tries += 1) {
        feed.poke();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    it('delivers a change whose lower id becomes visible after a higher one', async () => {
      const feed = new ChangeFeed(database);
      const received: number[] = [];
      const leave = await feed.subscribe(7, (change) => received.push(change.sequence));
      const base = (await newestId()) + 10;
      await record(base + 2, 7);
      await settle(feed, () => received.length >= 1);
      await record(base + 1, 7);
      await settle(feed, () => received.length >= 2);
      leave();
      assert.deepEqual(received, [base + 2, base + 1]);
    });

    it('hands each change to every subscriber in order, a few per turn of the event loop', async () => {
      const feed = new ChangeFeed(database, 2);
      const received = Array.from({ length: 5 }, () => [] as number[]);
      const turns: number[][] = [];
      let turn = 0;
      const leaving = await Promise.all(
        received.map((list, index) =>
          feed.subscribe(8, (change) => {
            list.push(change.sequence);
            turns[index] = [...(turns[index] ?? []), turn];
          }),
        ),
      );
      let ticking = true;
      const countTurns = () => {
        turn += 1;
        if (ticking) setImmediate(countTurns);
      };
      setImmediate(countTurns);
      const base = (await newestId()) + 1;
      for (const id of [base, base + 1, base + 2]) await record(id, 8);
      await settle(feed, () => received.every((list) => list.length === 3));
      ticking = false;
      for (const leave of leaving) leave();
      const sequences = [base, base + 1, base + 2];
      assert.deepEqual(received, [sequences, sequences, sequences, sequences, sequences]);
      assert.ok(
        turns[0]![0]! < turns[4]![0]!,
        `the fifth subscriber gets the first change in a later turn: ${JSON.stringify(turns)}`,
      );
    });

    it('hands nothing more to a subscriber that leaves during a hand-out', async () => {
      const feed = new ChangeFeed(database, 1);
      const received: [string, number][] = [];
      const leaveFirst = await feed.subscribe(9, (change) => {
        received.push(['first', change.sequence]);
        leaveSecond();
      });
      const leaveSecond = await feed.subscribe(9, (change) => {
        received.push(['second', change.sequence]);
      });
      const leaveThird = await feed.subscribe(9, (change) => {
        received.push(['third', change.sequence]);
      });
      const base = (await newestId()) + 1;
      await record(base, 9);
      await record(base + 1, 9);
      await settle(feed, () => received.length >= 4);
      leaveFirst();
      leaveThird();
      assert.deepEqual(received, [
        ['first', base],
        ['third', base],
        ['first', base + 1],
        ['third', base + 1],
      ]);
    });
  });
}
