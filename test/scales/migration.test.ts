import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadMigrations } from '../../src/server/db/migration-files.ts';
import { insertEvent } from '../../src/server/events/repository.ts';
import { todaysScales } from '../../src/server/scales/defaults.ts';
import { eventScales, readScalesSetup } from '../../src/server/scales/service.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';

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
      const all = await loadMigrations();
      const earlier = Object.fromEntries(
        Object.entries(all).filter(([name]) => name < scalesMigration),
      );
      const { error } = await new Migrator({
        db: database.db,
        provider: { getMigrations: () => Promise.resolve(earlier) },
      }).migrateToLatest();
      assert.equal(error, undefined);
      const now = new Date().toISOString();
      const event = await insertEvent(database.db, {
        name: 'Händelse från förr',
        description: '',
        background: '',
        is_exercise: 0,
        state: 'active',
        period_granularity: 'week',
        four_eyes: 1,
        activated_at: now,
        created_at: now,
        updated_at: now,
      });
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
