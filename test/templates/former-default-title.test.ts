// The default title was "Regional rapport {event}"; it is now neutral (issue 19). A template made
// before keeps naming its reports as it did: the migration stores the former default as its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { findTemplate, insertTemplate } from '../../src/server/templates/repository.ts';
import { identityOf } from '../../src/server/templates/service.ts';
import { testDialects } from '../support/databases.ts';
import { emptyDatabaseForSuite, insertBareEvent, migrateUntil } from '../support/migrations.ts';

const titleMigration = '20261207T1440_former_default_title';

const formerDefault = {
  titlePattern: 'Regional rapport {event}',
  series: 'main',
  labels: { initial: 'Initial', update: 'Uppdatering {n}', final: 'Slutrapport', extra: 'Extra' },
};

const ownIdentity = { ...formerDefault, titlePattern: 'Dygnsrapport {date}', series: 'dygn' };

for (const dialect of testDialects()) {
  describe(`the former default title migration on ${dialect}`, () => {
    const databaseOf = emptyDatabaseForSuite(dialect);

    it('stores "Regional rapport {event}" on the templates without their own identity, and only there', async () => {
      await migrateUntil(databaseOf(), titleMigration);
      const now = new Date().toISOString();
      const event = await insertBareEvent(databaseOf().db, 'Händelse från förr');
      const template = (identity: string | null, name: string) =>
        insertTemplate(databaseOf().db, {
          event_id: event.id,
          name,
          kind: 'custom',
          sections_json: '[]',
          identity_json: identity,
          created_by: null,
          created_at: now,
          updated_by: null,
          updated_at: now,
        });
      const plain = await template(null, 'Utan egen identitet');
      const own = await template(JSON.stringify(ownIdentity), 'Med egen identitet');
      assert.equal(identityOf(plain).titlePattern, 'Lägesrapport {event}');

      await migrateToLatest(databaseOf());
      const migrated = await findTemplate(databaseOf().db, event.id, plain.id);
      assert.deepEqual(identityOf(migrated!, 'en'), formerDefault);
      const untouched = await findTemplate(databaseOf().db, event.id, own.id);
      assert.equal(untouched!.identity_json, JSON.stringify(ownIdentity));
    });
  });
}
