import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { copyInstallation } from '../../src/server/ops/copy.ts';
import { exportEvent, importEvent } from '../../src/server/ops/event-file.ts';
import { type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import {
  type TestDatabase,
  createMigratedTestDatabase,
  testDialects,
} from '../support/databases.ts';
import { samples } from './samples.ts';

const decisionText = 'Kommunernas lägesrapporter samlas i dokumentbiblioteket.';

async function filesOf(database: Database, eventId?: number) {
  let query = database.db
    .selectFrom('files')
    .select(['id', 'owner_kind', 'owner_id', 'name', 'sha256', 'internal', 'content'])
    .orderBy('name');
  if (eventId !== undefined) query = query.where('event_id', '=', eventId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, content: Buffer.from(row.content) }));
}

for (const dialect of testDialects()) {
  describe(`files travel with an event and a copy on ${dialect}`, () => {
    let t: TestApp;
    const databases: TestDatabase[] = [];
    let pdf: Buffer;
    let docx: Buffer;

    before(async () => {
      t = await startTestApp(dialect);
      const staff = await t.login(demoPeople.staff);
      const events = `/api/events/${t.eventId}`;
      const decision = await staff.post(`${events}/decisions`, {
        decidedAt: '2024-11-15T07:30:00Z',
        forum: 'Regional särskild sjukvårdsledning',
        text: decisionText,
      });
      pdf = samples.pdf();
      docx = await samples.docx();
      const upload = (url: string, name: string, bytes: Buffer, internal: boolean) =>
        staff.request('POST', url, bytes, {
          headers: { 'content-type': 'application/octet-stream' },
          query: { name, internal: String(internal) },
        });
      const onDecision = await upload(
        `${events}/decisions/${decision.json().id}/files`,
        'Underlag.pdf',
        pdf,
        false,
      );
      assert.equal(onDecision.statusCode, 201, onDecision.body);
      const inLibrary = await upload(`${events}/files`, 'Sambandsplan.docx', docx, true);
      assert.equal(inLibrary.statusCode, 201, inLibrary.body);
    });
    after(async () => {
      await t.close();
      for (const database of databases) await database.drop();
    });

    async function emptyDatabase(on: 'sqlite' | 'postgres'): Promise<Database> {
      const created = await createMigratedTestDatabase(on);
      databases.push(created);
      const database = openDatabase(created.url);
      await migrateToLatest(database);
      return database;
    }

    it('exports and imports the files with their bytes, under the new owner ids', async () => {
      const file = JSON.parse(JSON.stringify(await exportEvent(t.database, t.eventId)));
      const target = await emptyDatabase(dialect);
      try {
        const { eventId } = await importEvent(target, file);
        const imported = await filesOf(target, eventId);
        assert.deepEqual(
          imported.map((row) => [row.name, row.owner_kind, row.internal, row.content]),
          [
            ['Sambandsplan.docx', 'library', 1, docx],
            ['Underlag.pdf', 'decision', 0, pdf],
          ],
        );
        const owner = await target.db
          .selectFrom('decisions')
          .select(['id', 'text', 'event_id'])
          .where('id', '=', imported[1]!.owner_id!)
          .executeTakeFirstOrThrow();
        assert.equal(owner.text, decisionText);
        assert.equal(owner.event_id, eventId);
      } finally {
        await target.close();
      }
    });

    it('copies the files byte for byte into a new installation', async () => {
      const targetDialect = testDialects().includes('postgres') ? 'postgres' : 'sqlite';
      const target = await emptyDatabase(targetDialect);
      try {
        const result = await copyInstallation(t.database, target);
        assert.ok(result.ok);
        assert.deepEqual(await filesOf(target), await filesOf(t.database));
        assert.equal((await filesOf(target)).length, 2);
      } finally {
        await target.close();
      }
    });
  });
}
