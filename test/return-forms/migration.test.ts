import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { defaultReturnForm } from '../../src/contract/return-forms.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { testDialects } from '../support/databases.ts';
import { emptyDatabaseForSuite, insertBareEvent, migrateUntil } from '../support/migrations.ts';

const formMigration = '20261207T0115_return_forms';

for (const dialect of testDialects()) {
  describe(`the return-form migration on ${dialect}`, () => {
    const database = emptyDatabaseForSuite(dialect);
    before(() => migrateUntil(database(), formMigration));

    it("gives an existing event today's form, and its returns no answers of their own", async () => {
      const event = await insertBareEvent(database().db, 'Händelse från förr');
      await migrateToLatest(database());
      const form = await database()
        .db.selectFrom('return_forms')
        .selectAll()
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(form.fields), defaultReturnForm());
      assert.equal(form.version, 1);
      assert.equal(form.source, 'migration');
    });
  });
}
