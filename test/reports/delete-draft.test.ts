import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`deleting a draft report on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
    });
    after(() => t.close());

    const reportsUrl = () => `/api/events/${t.eventId}/reports`;
    const start = async (kind = 'extra') => {
      const started = await staff.post(reportsUrl(), { kind });
      assert.equal(started.statusCode, 201, started.body);
      return started.json() as { id: number; number: number; version: number };
    };

    it('deletes a draft with its sections and audits what it held', async () => {
      const draft = await start();
      const sectionCount = (await staff.get(`${reportsUrl()}/${draft.id}`)).json().sections.length;
      const deleted = await staff.delete(`${reportsUrl()}/${draft.id}`);
      assert.equal(deleted.statusCode, 204, deleted.body);
      assert.equal((await staff.get(`${reportsUrl()}/${draft.id}`)).statusCode, 404);
      const ids = (await staff.get(reportsUrl())).json().items.map((r: { id: number }) => r.id);
      assert.equal(ids.includes(draft.id), false);
      const left = await t.database.db
        .selectFrom('report_sections')
        .select('id')
        .where('report_id', '=', draft.id)
        .execute();
      assert.equal(left.length, 0);
      const audit = await t.database.db
        .selectFrom('audit_records')
        .selectAll()
        .where('action', '=', 'report.delete')
        .where('entity_id', '=', String(draft.id))
        .executeTakeFirstOrThrow();
      assert.equal(audit.event_id, t.eventId);
      assert.equal(audit.after_json, null);
      const before = JSON.parse(audit.before_json!);
      assert.equal(before.number, draft.number);
      assert.equal(before.state, 'draft');
      assert.equal(before.sections.length, sectionCount);
      assert.ok(sectionCount > 0);
    });

    it('refuses to delete a report under review or published, with 409 wrong_state', async () => {
      const draft = await start();
      const submitted = await staff.post(`${reportsUrl()}/${draft.id}/submit`, {
        version: draft.version,
      });
      assert.equal(submitted.json().state, 'in_review');
      const inReview = await staff.delete(`${reportsUrl()}/${draft.id}`);
      assert.equal(inReview.statusCode, 409);
      assert.equal(inReview.json().error, 'wrong_state');
      assert.equal(inReview.json().message, 'Bara ett utkast kan tas bort.');
      const published = (await staff.get(reportsUrl()))
        .json()
        .items.find((report: { state: string }) => report.state === 'published');
      const refused = await staff.delete(`${reportsUrl()}/${published.id}`);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error, 'wrong_state');
      assert.equal((await staff.get(`/r/${t.eventId}/${published.number}`)).statusCode, 200);
    });

    it('lets a draft returned from review be deleted, but not by a reader', async () => {
      const draft = await start();
      const submitted = await staff.post(`${reportsUrl()}/${draft.id}/submit`, {
        version: draft.version,
      });
      const returned = await approver.post(`${reportsUrl()}/${draft.id}/return`, {
        version: submitted.json().version,
        comment: 'Börja om.',
      });
      assert.equal(returned.json().state, 'draft');
      const reader = await t.login(demoPeople.reader);
      assert.equal((await reader.delete(`${reportsUrl()}/${draft.id}`)).statusCode, 403);
      assert.equal((await staff.delete(`${reportsUrl()}/${draft.id}`)).statusCode, 204);
    });

    it('lists reports in a stable order: number, revision, then id, newest first', async () => {
      const items = (await staff.get(reportsUrl())).json().items as {
        id: number;
        number: number;
        revision: number;
      }[];
      const sorted = [...items].sort(
        (a, b) => b.number - a.number || b.revision - a.revision || b.id - a.id,
      );
      assert.deepEqual(
        items.map((item) => item.id),
        sorted.map((item) => item.id),
      );
      assert.ok(items.length >= 3);
    });
  });
}
