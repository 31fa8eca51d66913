import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator } from 'kysely';
import { defaultReturnForm } from '../../src/contract/return-forms.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { loadMigrations } from '../../src/server/db/migration-files.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';

const formMigration = '20261207T0115_return_forms';

for (const dialect of testDialects()) {
  describe(`the return-form migration on ${dialect}`, () => {
    let testDatabase: TestDatabase;
    let database: Database;
    let migrator: Migrator;

    before(async () => {
      testDatabase = await createTestDatabase(dialect);
      database = openDatabase(testDatabase.url);
      const migrations = await loadMigrations();
      migrator = new Migrator({
        db: database.db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
        ...(database.schema && { migrationTableSchema: database.schema }),
      });
      const names = Object.keys(migrations).sort();
      const before = names[names.indexOf(formMigration) - 1]!;
      const { error } = await migrator.migrateTo(before);
      if (error) throw error;
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    it("gives an existing event today's form, and its returns no answers of their own", async () => {
      const at = new Date().toISOString();
      const event = await database.db
        .insertInto('events')
        .values({
          name: 'Händelse från förr',
          description: '',
          background: '',
          is_exercise: 0,
          state: 'active',
          period_granularity: 'week',
          four_eyes: 1,
          activated_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      const form = await database.db
        .selectFrom('return_forms')
        .selectAll()
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(form.fields), defaultReturnForm());
      assert.equal(form.version, 1);
      assert.equal(form.source, 'migration');
    });
  });
}
