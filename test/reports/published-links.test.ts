import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const contentTypes: Record<string, string> = {
  PDF: 'application/pdf',
  Word: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Markdown: 'text/markdown; charset=utf-8',
};

function downloadLinks(html: string): [string, string][] {
  const nav = /<nav class="downloads"[^>]*>(.*?)<\/nav>/s.exec(html);
  assert.ok(nav, 'the page has its download links');
  return [...nav[1]!.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((match) => [
    match[2]!,
    match[1]!.replaceAll('&amp;', '&'),
  ]);
}

for (const dialect of testDialects()) {
  describe(`the published page links its files on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

    it('links the same revision as PDF, Word and Markdown, and each answers in its type', async () => {
      const page = await t.anonymous().get(`/r/${t.eventId}/1`);
      assert.equal(page.statusCode, 200);
      const links = downloadLinks(page.body);
      assert.deepEqual(links, [
        ['PDF', `/r/${t.eventId}/1/rapport.pdf?version=1`],
        ['Word', `/r/${t.eventId}/1/rapport.docx?version=1`],
        ['Markdown', `/r/${t.eventId}/1/rapport.md?version=1`],
      ]);
      for (const [label, href] of links) {
        const file = await t.anonymous().get(href);
        assert.equal(file.statusCode, 200, `${label}: ${file.body.slice(0, 200)}`);
        assert.equal(file.headers['content-type'], contentTypes[label]);
      }
    });

    it('links the internal files from the internal page', async () => {
      const staff = await t.login(demoPeople.staff);
      const page = await staff.get(`/r/${t.eventId}/2/intern?version=1`);
      assert.equal(page.statusCode, 200);
      const links = downloadLinks(page.body);
      assert.deepEqual(
        links.map(([, href]) => href),
        ['pdf', 'docx', 'md'].map((ext) => `/r/${t.eventId}/2/intern/rapport.${ext}?version=1`),
      );
      for (const [label, href] of links) {
        const file = await staff.get(href);
        assert.equal(file.statusCode, 200);
        assert.equal(file.headers['content-type'], contentTypes[label]);
      }
    });

    it('keeps the stored snapshot without the links, and the ETag names the page wrapper', async () => {
      const row = await t.database.db
        .selectFrom('report_snapshots')
        .select(['snapshot_json', 'content_hash'])
        .where('event_id', '=', t.eventId)
        .where('number', '=', 1)
        .where('audience', '=', 'public')
        .executeTakeFirstOrThrow();
      assert.equal(row.snapshot_json.includes('rapport.pdf'), false);
      const page = await t.anonymous().get(`/r/${t.eventId}/1?version=1`);
      assert.equal(page.headers.etag, `"${row.content_hash.slice(0, 32)}-html.2"`);
      const pdf = await t.anonymous().get(`/r/${t.eventId}/1/rapport.pdf?version=1`);
      assert.equal(pdf.headers.etag, `"${row.content_hash.slice(0, 32)}-pdf"`);
      const again = await t.anonymous().get(`/r/${t.eventId}/1?version=1`, {
        headers: { 'if-none-match': String(page.headers.etag) },
      });
      assert.equal(again.statusCode, 304);
    });
  });
}
