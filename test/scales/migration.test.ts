import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { todaysScales } from '../../src/server/scales/defaults.ts';
import { eventScales, readScalesSetup } from '../../src/server/scales/service.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';
import { insertBareEvent, migrateUntil } from '../support/migrations.ts';

const scalesMigration = '20261207T0110_event_scales';

for (const dialect of testDialects()) {
  describe(`the scales migration on ${dialect}`, () => {
    let testDatabase: TestDatabase;
    let database: Database;

    before(async () => {
      testDatabase = await createTestDatabase(dialect);
      database = openDatabase(testDatabase.url);
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    it("gives an event that existed before it today's scales", async () => {
      await migrateUntil(database, scalesMigration);
      const event = await insertBareEvent(database.db, 'Händelse från förr');
      await migrateToLatest(database);
      assert.deepEqual(await readScalesSetup(database.db, event.id), todaysScales);
      const scales = await eventScales(database.db, event.id);
      assert.deepEqual([scales.status.version, scales.prognosis.version], [1, 1]);
      assert.deepEqual(
        scales.status.levels.map((level) => [level.key, level.colour, level.symbol, level.retired]),
        [
          ['green', '#00703c', '●', false],
          ['yellow', '#ffdd00', '▲', false],
          ['red', '#d4351c', '■', false],
        ],
      );
    });
  });
}
