// The exchange formats used to find the bed figures by two keys named in code; the event now
// names them. The migration gives the figures with those keys their meaning, and nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { testDialects } from '../support/databases.ts';
import {
  emptyDatabaseForSuite,
  insertBareEvent,
  insertBareFigure,
  migrateUntil,
} from '../support/migrations.ts';

const meaningMigration = '20261207T1500_figure_exchange_meaning';

for (const dialect of testDialects()) {
  describe(`the figure exchange meaning migration on ${dialect}`, () => {
    const databaseOf = emptyDatabaseForSuite(dialect);

    it('gives beläggningsgrad and vardplatser their meaning in every event, and no other figure one', async () => {
      await migrateUntil(databaseOf(), meaningMigration);
      const figure = (eventId: number, key: string) =>
        insertBareFigure(databaseOf().db, eventId, key);
      const first = await insertBareEvent(databaseOf().db, 'Första händelsen');
      const second = await insertBareEvent(databaseOf().db, 'Andra händelsen');
      await figure(first.id, 'beläggningsgrad');
      await figure(first.id, 'vardplatser');
      await figure(first.id, 'vantande-akut');
      await figure(second.id, 'beläggningsgrad');

      await migrateToLatest(databaseOf());
      const rows = await databaseOf()
        .db.selectFrom('figure_definitions')
        .select(['event_id', 'key', 'exchange_meaning'])
        .orderBy('event_id')
        .orderBy('key')
        .execute();
      assert.deepEqual(
        rows.map((row) => [
          row.event_id === first.id ? 'first' : 'second',
          row.key,
          row.exchange_meaning,
        ]),
        [
          ['first', 'beläggningsgrad', 'bed_occupancy_percent'],
          ['first', 'vantande-akut', null],
          ['first', 'vardplatser', 'staffed_beds'],
          ['second', 'beläggningsgrad', 'bed_occupancy_percent'],
        ],
      );
    });
  });
}
