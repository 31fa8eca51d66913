// A report without chosen figures lists every figure of the event in the order of their keys,
// the same on both engines whatever order they were defined in and whatever index a query uses.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { listFiguresOfEvent } from '../../src/server/figures/repository.ts';
import { testDialects } from '../support/databases.ts';
import { emptyDatabaseForSuite, insertBareEvent, insertBareFigure } from '../support/migrations.ts';

for (const dialect of testDialects()) {
  describe(`the figures of an event in order on ${dialect}`, () => {
    const databaseOf = emptyDatabaseForSuite(dialect);
    before(() => migrateToLatest(databaseOf()));

    it('lists them by key, code point by code point', async () => {
      const event = await insertBareEvent(databaseOf().db, 'Ordningens händelse');
      for (const [key, meaning] of [
        ['vardplatser', 'staffed_beds'],
        ['öppna-ärenden', null],
        ['belagda-iva-platser', null],
        ['beläggningsgrad', 'bed_occupancy_percent'],
        ['Z-kod', null],
      ] as const) {
        await insertBareFigure(databaseOf().db, event.id, key, { exchange_meaning: meaning });
      }
      const figures = await listFiguresOfEvent(databaseOf().db, event.id);
      assert.deepEqual(
        figures.map((figure) => figure.key),
        ['Z-kod', 'belagda-iva-platser', 'beläggningsgrad', 'vardplatser', 'öppna-ärenden'],
      );
    });
  });
}
