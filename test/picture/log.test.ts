import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { createRecord, startRecordsApp } from '../support/records.ts';

interface Entry {
  id: number;
  occurredAt: string;
  text: string;
  source: string;
  significant: boolean;
  internal: boolean;
  struck: { at: string; by: number; reason: string } | null;
  version: number;
}

for (const dialect of testDialects()) {
  describe(`log book on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let url: string;

    before(async () => {
      ({ t, staff, reader, url } = await startRecordsApp(dialect, 'log'));
    });
    after(() => t.close());

    function create(body: Record<string, unknown> = {}): Promise<Entry> {
      return createRecord(staff, url, {
        occurredAt: '2024-11-15T10:00:00+01:00',
        text: 'Facklig referensgrupp har haft extra möte.',
        source: 'HR-staben',
        ...body,
      });
    }

    async function listed(client: Client, query: Record<string, string> = {}): Promise<Entry[]> {
      return (await client.get(url, { query: { limit: '500', ...query } })).json().items;
    }

    it('lists entries in time order, filtered by time and significance', async () => {
      const entry = await create();
      assert.equal(entry.occurredAt, '2024-11-15T09:00:00.000Z');
      assert.equal(entry.source, 'HR-staben');
      const week46 = await listed(staff, { period: '2024-W46', order: 'asc' });
      assert.ok(week46.length > 0);
      assert.ok(
        week46.every(
          (item) =>
            item.occurredAt >= '2024-11-10T23:00:00.000Z' &&
            item.occurredAt < '2024-11-17T23:00:00.000Z',
        ),
      );
      assert.deepEqual(
        week46.map((item) => item.occurredAt),
        week46.map((item) => item.occurredAt).sort(),
      );
      const significant = await listed(staff, { significant: 'true' });
      assert.ok(significant.length > 0);
      assert.ok(significant.every((item) => item.significant));
      const range = await listed(staff, {
        from: '2024-11-15T08:59:00Z',
        to: '2024-11-15T09:01:00Z',
      });
      assert.deepEqual(
        range.map((item) => item.id),
        [entry.id],
      );
    });

    it('requires a reason to strike, and keeps a struck entry listed with its reason', async () => {
      const entry = await create({ text: 'Fel uppgift om stängd mottagning.' });
      const noReason = await staff.post(`${url}/${entry.id}/strike`, { version: entry.version });
      assert.equal(noReason.statusCode, 400);
      assert.ok(
        noReason.json().details.fields.some((f: { field: string }) => f.field === 'reason'),
      );
      const blank = await staff.post(`${url}/${entry.id}/strike`, {
        version: entry.version,
        reason: '   ',
      });
      assert.equal(blank.statusCode, 400);
      assert.ok(blank.json().details.fields.some((f: { field: string }) => f.field === 'reason'));
      assert.equal((await listed(staff)).find((item) => item.id === entry.id)!.struck, null);

      const struck = await staff.post(`${url}/${entry.id}/strike`, {
        version: entry.version,
        reason: 'Mottagningen hade öppet.',
      });
      assert.equal(struck.statusCode, 200, struck.body);
      const stored = (await listed(staff)).find((item) => item.id === entry.id)!;
      assert.equal(stored.text, 'Fel uppgift om stängd mottagning.');
      assert.equal(stored.struck!.reason, 'Mottagningen hade öppet.');
      assert.ok(stored.struck!.at);
      const forReader = (await listed(reader)).find((item) => item.id === entry.id)!;
      assert.equal(forReader.struck!.reason, 'Mottagningen hade öppet.');

      const correction = await staff.patch(`${url}/${entry.id}`, {
        version: stored.version,
        text: 'Omskriven i efterhand.',
      });
      assert.equal(correction.statusCode, 409);
      assert.equal(correction.json().error, 'wrong_state');
      const again = await staff.post(`${url}/${entry.id}/strike`, {
        version: stored.version,
        reason: 'En gång till.',
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error, 'wrong_state');
      const demoStruck = (await listed(staff)).filter((item) => item.struck !== null);
      assert.ok(demoStruck.length >= 2, 'the demo has a struck entry too');
    });

    it('refuses to delete a log row in the database but allows updates', async () => {
      const entry = await create();
      const refusal = /Loggboksanteckningar kan inte tas bort, bara strykas/;
      await assert.rejects(
        t.database.db.deleteFrom('log_entries').where('id', '=', entry.id).execute(),
        refusal,
      );
      await assert.rejects(t.database.db.deleteFrom('log_entries').execute(), refusal);
      const row = await t.database.db
        .selectFrom('log_entries')
        .select('id')
        .where('id', '=', entry.id)
        .executeTakeFirst();
      assert.equal(row?.id, entry.id);
      await t.database.db
        .updateTable('log_entries')
        .set({ significant: 1 })
        .where('id', '=', entry.id)
        .execute();
    });

    it('answers stale corrections and strikes with 409 and keeps the stored entry', async () => {
      const entry = await create();
      const first = await staff.patch(`${url}/${entry.id}`, {
        version: entry.version,
        text: 'Rättad text.',
      });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await staff.patch(`${url}/${entry.id}`, {
        version: entry.version,
        text: 'Text från en gammal version.',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.text, 'Rättad text.');
      const staleStrike = await staff.post(`${url}/${entry.id}/strike`, {
        version: entry.version,
        reason: 'Dubblett.',
      });
      assert.equal(staleStrike.statusCode, 409);
      const stored = (await listed(staff)).find((item) => item.id === entry.id)!;
      assert.equal(stored.text, 'Rättad text.');
      assert.equal(stored.struck, null);
      assert.equal(stored.version, entry.version + 1);
    });

    it('never gives a reader an internal entry', async () => {
      const internal = await create({ internal: true, text: 'Intern uppgift om bemanning.' });
      const forReader = await listed(reader);
      assert.ok(forReader.length > 0);
      assert.ok(forReader.every((item) => !item.internal));
      assert.ok((await listed(staff)).some((item) => item.id === internal.id));
    });

    it('names the field of a validation error and refuses a communicator', async () => {
      const noTime = await staff.post(url, { text: 'Utan tid.' });
      assert.equal(noTime.statusCode, 400);
      assert.ok(
        noTime.json().details.fields.some((f: { field: string }) => f.field === 'occurredAt'),
      );
      const communicator = await t.login(demoPeople.communicator);
      const denied = await communicator.post(url, {
        occurredAt: '2024-11-15T10:00:00Z',
        text: 'Ej tillåtet.',
      });
      assert.equal(denied.statusCode, 403);
    });
  });
}
