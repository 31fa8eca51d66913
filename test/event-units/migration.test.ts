import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { demoUnits } from '../../src/server/demo/content.ts';
import { eventUnitsInOrder } from '../../src/server/event-units/service.ts';
import { testDialects } from '../support/databases.ts';
import { emptyDatabaseForSuite, migrateUntil } from '../support/migrations.ts';

const firstOwnMigration = '20261207T0110_unit_short_names';

for (const dialect of testDialects()) {
  describe(`the event-units migration on ${dialect}`, () => {
    const database = emptyDatabaseForSuite(dialect);

    it("gives every existing event every unit in name order, the group's members under it", async () => {
      await migrateUntil(database(), firstOwnMigration);
      const now = new Date().toISOString();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const db = database().db as any;
      for (const unit of demoUnits) {
        await db
          .insertInto('units')
          .values({ ...unit, created_at: now, updated_at: now })
          .execute();
      }
      const group = await db
        .insertInto('units')
        .values({
          code: 'GRP',
          name: 'Akutsjukvården',
          kind: 'support',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('units')
        .set({ parent_id: group.id })
        .where('code', 'in', ['SÄS', 'RLM'])
        .execute();
      const event = await db
        .insertInto('events')
        .values({ name: 'Millennium 2024', activated_at: now, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();

      await migrateToLatest(database());

      const units = await eventUnitsInOrder(database().db, event.id);
      assert.deepEqual(
        units.map((unit) => [unit.depth, unit.code, unit.shortName]),
        [
          [0, 'GRP', 'Akutsjukvården'],
          [1, 'RLM', 'RLM'],
          [1, 'SÄS', 'SÄS'],
          [0, 'FSS', 'FSS'],
          [0, 'NH', 'Närhälsan'],
          [0, 'RH', 'Regionhälsan'],
        ],
      );
      const label = await database()
        .db.selectFrom('events')
        .select(['unitless_label', 'units_version'])
        .executeTakeFirstOrThrow();
      assert.deepEqual(label, { unitless_label: 'Regionen', units_version: 1 });
    });
  });
}
