import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { todaysScales } from '../../src/server/scales/defaults.ts';
import { eventScales, readScalesSetup } from '../../src/server/scales/service.ts';
import { testDialects } from '../support/databases.ts';
import { emptyDatabaseForSuite, insertBareEvent, migrateUntil } from '../support/migrations.ts';

const scalesMigration = '20261207T0110_event_scales';

for (const dialect of testDialects()) {
  describe(`the scales migration on ${dialect}`, () => {
    const databaseOf = emptyDatabaseForSuite(dialect);

    it("gives an event that existed before it today's scales", async () => {
      await migrateUntil(databaseOf(), scalesMigration);
      const event = await insertBareEvent(databaseOf().db, 'Händelse från förr');
      await migrateToLatest(databaseOf());
      assert.deepEqual(await readScalesSetup(databaseOf().db, event.id), todaysScales);
      const scales = await eventScales(databaseOf().db, event.id);
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
