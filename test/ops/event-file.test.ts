import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import {
  type EventFile,
  countEventRows,
  exportEvent,
  importEvent,
} from '../../src/server/ops/event-file.ts';
import { listTables, unclassifiedColumns } from '../../src/server/ops/tables.ts';
import { verifySnapshots } from '../../src/server/reports/verify.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { createMigratedTestDatabase, testDialects } from '../support/databases.ts';

function counts(file: EventFile): Record<string, number> {
  return Object.fromEntries(Object.entries(file.tables).map(([name, rows]) => [name, rows.length]));
}

function snapshotTexts(file: EventFile): string[] {
  return file.tables
    .report_snapshots!.map((row) => `${String(row.content_hash)} ${String(row.snapshot_json)}`)
    .sort();
}

async function freshDatabase(dialect: 'sqlite' | 'postgres') {
  const testDatabase = await createMigratedTestDatabase(dialect);
  const database = openDatabase(testDatabase.url);
  await migrateToLatest(database);
  return {
    database,
    close: async () => {
      await database.close();
      await testDatabase.drop();
    },
  };
}

async function eventCount(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

for (const dialect of testDialects()) {
  describe(`event export and import from ${dialect}`, () => {
    let t: TestApp;
    let file: EventFile;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-export-'));

    before(async () => {
      t = await startTestApp(dialect);
      const exported = await exportEvent(t.database, t.eventId);
      // Through a file, as the CLI does: only what survives JSON counts.
      const target = path.join(folder, 'event.json');
      fs.writeFileSync(target, JSON.stringify(exported));
      file = JSON.parse(fs.readFileSync(target, 'utf8')) as EventFile;
    });
    after(async () => {
      await t.close();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('classifies every column that refers to another row', async () => {
      assert.deepEqual(unclassifiedColumns(await listTables(t.database)), []);
    });

    it('writes a versioned file with the event, its rows and what they refer to', () => {
      assert.equal(file.format, 'lagesbild-event');
      assert.equal(file.version, 1);
      assert.equal(file.tables.events!.length, 1);
      for (const table of ['units', 'users', 'decisions', 'report_snapshots', 'audit_records']) {
        assert.ok(file.tables[table]!.length > 0, `${table} has rows`);
      }
      assert.ok(file.tables.risk_assessments!.length > 0, 'children of the event rows come too');
      for (const user of file.tables.users!) assert.equal('password_hash' in user, false);
      assert.equal(file.tables.sessions, undefined);
      assert.equal(file.tables.api_tokens, undefined);
    });

    for (const targetDialect of testDialects()) {
      it(`imports into an empty ${targetDialect} database with the same rows and valid hashes`, async () => {
        const target = await freshDatabase(targetDialect);
        try {
          const result = await importEvent(target.database, file);
          assert.deepEqual(await countEventRows(target.database, result.eventId), counts(file));
          const verified = await verifySnapshots(target.database.db);
          assert.equal(verified.checked, file.tables.report_snapshots!.length);
          assert.deepEqual(verified.mismatches, []);
          const again = await exportEvent(target.database, result.eventId);
          assert.deepEqual(snapshotTexts(again), snapshotTexts(file));
          const users = again.tables.users!;
          assert.ok(users.every((user) => user.is_admin === 0));
        } finally {
          await target.close();
        }
      });
    }

    it('imports a second copy into the same installation, reusing its units and users', async () => {
      const before = await eventCount(t.database);
      const result = await importEvent(t.database, file);
      assert.notEqual(result.eventId, t.eventId);
      assert.equal(await eventCount(t.database), before + 1);
      assert.equal(result.matched.units, file.tables.units!.length);
      assert.equal(result.matched.users, file.tables.users!.length);
      assert.equal(result.inserted.units, 0);
      assert.deepEqual(await countEventRows(t.database, result.eventId), counts(file));
      assert.deepEqual((await verifySnapshots(t.database.db)).mismatches, []);
      const readiness = await t.database.db
        .selectFrom('readiness_changes')
        .select(['scope', 'unit_id'])
        .where('event_id', '=', result.eventId)
        .execute();
      for (const row of readiness) {
        if (row.unit_id !== null) assert.equal(row.scope, `unit:${row.unit_id}`);
      }
    });

    it('maps the unit ids inside template and section block parameters to the new units', async () => {
      const target = await freshDatabase(dialect);
      try {
        // A unit made first takes an id one of the file's units had.
        const now = new Date().toISOString();
        await target.database.db
          .insertInto('units')
          .values({
            code: 'FORST-HAR',
            name: 'Enheten som fanns först',
            kind: 'hospital',
            parent_id: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const [first, second] = file.tables.units!;
        const block = { figures: { units: [first!.id, second!.id] }, key: 'nyckeltal' };
        const changed = structuredClone(file);
        const template = changed.tables.templates![0]!;
        template.sections_json = JSON.stringify([{ ...block, unitId: first!.id }]);
        const section = changed.tables.report_sections![0]!;
        section.params_json = JSON.stringify(block);

        const result = await importEvent(target.database, changed);
        const idOf = async (code: unknown) =>
          (
            await target.database.db
              .selectFrom('units')
              .select('id')
              .where('code', '=', String(code))
              .executeTakeFirstOrThrow()
          ).id;
        const [firstId, secondId] = [await idOf(first!.code), await idOf(second!.code)];
        assert.notDeepEqual([firstId, secondId], [first!.id, second!.id]);
        const templates = await target.database.db
          .selectFrom('templates')
          .select('sections_json')
          .where('event_id', '=', result.eventId)
          .where('name', '=', String(template.name))
          .execute();
        assert.deepEqual(JSON.parse(templates[0]!.sections_json), [
          { figures: { units: [firstId, secondId] }, key: 'nyckeltal', unitId: firstId },
        ]);
        const sections = await target.database.db
          .selectFrom('report_sections')
          .innerJoin('reports', 'reports.id', 'report_sections.report_id')
          .select('report_sections.params_json')
          .where('reports.event_id', '=', result.eventId)
          .where('report_sections.params_json', 'is not', null)
          .execute();
        assert.deepEqual(
          sections.map((row) => JSON.parse(row.params_json!)),
          [{ figures: { units: [firstId, secondId] }, key: 'nyckeltal' }],
        );
      } finally {
        await target.close();
      }
    });

    it('never sends mail that was still waiting in the exporting installation', async () => {
      const withMail = structuredClone(file);
      const snapshot = withMail.tables.report_snapshots![0]!;
      const now = new Date().toISOString();
      withMail.tables.deliveries = [
        {
          id: 1,
          event_id: snapshot.event_id,
          report_id: snapshot.report_id,
          snapshot_id: snapshot.id,
          list_id: null,
          email: 'mottagare@example.org',
          state: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          sent_at: null,
          created_at: now,
        },
      ];
      const target = await freshDatabase(dialect);
      try {
        const result = await importEvent(target.database, withMail);
        const deliveries = await target.database.db
          .selectFrom('deliveries')
          .selectAll()
          .where('event_id', '=', result.eventId)
          .execute();
        assert.equal(deliveries.length, 1);
        assert.equal(deliveries[0]!.state, 'failed');
        assert.match(deliveries[0]!.last_error!, /Importerad/);
      } finally {
        await target.close();
      }
    });

    it('refuses a file of another format or version, and changes nothing', async () => {
      const before = await eventCount(t.database);
      await assert.rejects(importEvent(t.database, { format: 'other' }), /Not a Lägesbild event/);
      await assert.rejects(
        importEvent(t.database, { ...file, version: 2 }),
        /version 2 is not supported/,
      );
      await assert.rejects(
        importEvent(t.database, { ...file, tables: { ...file.tables, novel_things: [] } }),
        /does not know/,
      );
      assert.equal(await eventCount(t.database), before);
    });

    it('rolls the whole import back when a row refers to something missing', async () => {
      const before = await eventCount(t.database);
      const broken = structuredClone(file);
      const grant = broken.tables.grants!.at(-1)!;
      grant.user_id = 987654;
      await assert.rejects(importEvent(t.database, broken), /does not contain/);
      assert.equal(await eventCount(t.database), before);
    });
  });
}
