import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { verifySnapshots } from '../../src/server/reports/verify.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const outlines = JSON.parse(
  fs.readFileSync(new URL('../fixtures/seed-outlines.json', import.meta.url), 'utf8'),
);

interface Section {
  id: number;
  key: string;
  kind: string;
  title: string;
  level: number;
  version: number;
  text: string;
  internal: boolean;
}

function headingsOf(html: string): [number, string][] {
  return [...html.matchAll(/<h([2-4])[^>]*>(.*?)<\/h\1>/gs)].map((match) => [
    Number(match[1]) - 1,
    match[2]!.replace(/<[^>]+>/g, '').trim(),
  ]);
}

for (const dialect of testDialects()) {
  describe(`reports on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
    });
    after(() => t.close());

    const reportUrl = (id: number) => `/api/events/${t.eventId}/reports/${id}`;

    it('publishes the two seed reports in the demo with the seeds’ heading outlines', async () => {
      const weekly = await t.anonymous().get(`/r/${t.eventId}/1`);
      assert.equal(weekly.statusCode, 200);
      assert.match(weekly.body, /Sammanställd: 2024-11-05 klockan 17:30/);
      assert.deepEqual(headingsOf(weekly.body), outlines['000_6c8cf538fd48a3e7.txt'].headings);
      const closing = await t.anonymous().get(`/r/${t.eventId}/2`);
      assert.deepEqual(headingsOf(closing.body), outlines['001_0e44acece1379234.txt'].headings);
    });

    it('drafts, edits, reviews, approves and publishes a report', async () => {
      const started = await staff.post(`/api/events/${t.eventId}/reports`, {
        kind: 'regular',
        reopenSeries: true,
      });
      assert.equal(started.statusCode, 201, started.body);
      assert.equal(started.json().number, 3);
      const draft = (await staff.get(reportUrl(started.json().id))).json();
      const comment = draft.sections.find(
        (section: Section) => section.key === 'comment',
      ) as Section;
      assert.match(
        comment.text,
        /patientsäker vård/,
        'text carried over from the last published report',
      );
      const saved = await staff.request('PUT', `${reportUrl(draft.id)}/sections/${comment.id}`, {
        version: comment.version,
        text: 'Läget är under kontroll.',
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const submitted = await staff.post(`${reportUrl(draft.id)}/submit`, {
        version: draft.version,
      });
      assert.equal(submitted.json().state, 'in_review');
      const returned = await approver.post(`${reportUrl(draft.id)}/return`, {
        version: submitted.json().version,
        comment: '',
      });
      assert.equal(returned.statusCode, 400);
      assert.equal(returned.json().details.fields[0].field, 'comment');
      const approved = await approver.post(`${reportUrl(draft.id)}/approve`, {
        version: submitted.json().version,
      });
      assert.equal(approved.json().state, 'approved', approved.body);
      const published = await approver.post(`${reportUrl(draft.id)}/publish`, {
        version: approved.json().version,
      });
      assert.equal(published.json().state, 'published', published.body);
      const page = await t.anonymous().get(`/r/${t.eventId}/3`);
      assert.match(page.body, /Läget är under kontroll\./);
      const again = await t
        .anonymous()
        .get(`/r/${t.eventId}/3`, { headers: { 'if-none-match': String(page.headers.etag) } });
      assert.equal(again.statusCode, 304);
    });

    it('shows in a new draft which units have not reported and which week their figures are from', async () => {
      const started = (
        await staff.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' })
      ).json();
      const draft = (await staff.get(reportUrl(started.id))).json();
      const nh = draft.sections.find((section: Section) =>
        section.title.startsWith('Närhälsans lägesbild'),
      );
      assert.ok(nh, 'a subsection for Närhälsan');
      const notice = nh.data.internal.find((block: { type: string }) => block.type === 'notice');
      assert.match(
        notice.text,
        /^Närhälsan har inte rapporterat för vecka \d+( \d{4})?; uppgifterna är från vecka 46 2024\.$/,
      );
    });

    it('answers a stale section save with 409 and the current text, keeping the stored text', async () => {
      const started = (
        await staff.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' })
      ).json();
      const draft = (await staff.get(reportUrl(started.id))).json();
      const section = draft.sections.find(
        (candidate: Section) => candidate.key === 'background',
      ) as Section;
      const url = `${reportUrl(draft.id)}/sections/${section.id}`;
      const other = await t.login('oskar.nyberg@lagesbild.local');
      assert.equal(
        (await other.request('PUT', url, { version: section.version, text: 'Först' })).statusCode,
        200,
      );
      const stale = await staff.request('PUT', url, { version: section.version, text: 'Sist' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.text, 'Först');
      assert.equal(stale.json().details.current.updatedBy, 'Oskar Nyberg');
      const stored = (await staff.get(reportUrl(draft.id)))
        .json()
        .sections.find((candidate: Section) => candidate.id === section.id);
      assert.equal(stored.text, 'Först');
    });

    it('keeps four eyes: the only author cannot approve', async () => {
      const admin = await t.login(adminEmail);
      const started = (
        await admin.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' })
      ).json();
      const submitted = (
        await admin.post(`${reportUrl(started.id)}/submit`, { version: started.version })
      ).json();
      const approved = await admin.post(`${reportUrl(started.id)}/approve`, {
        version: submitted.version,
      });
      assert.equal(approved.statusCode, 403);
      assert.equal(approved.json().details.permission, 'report.four_eyes');
      assert.match(approved.json().message, /bara du har skrivit/);
      const stored = (await admin.get(reportUrl(started.id))).json();
      assert.equal(stored.state, 'in_review', 'the refused approval changed nothing');
    });

    it('leaves internal sections out of the public version', async () => {
      const started = (
        await staff.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' })
      ).json();
      const draft = (await staff.get(reportUrl(started.id))).json();
      const section = draft.sections.find(
        (candidate: Section) => candidate.key === 'staff',
      ) as Section;
      await staff.request('PUT', `${reportUrl(draft.id)}/sections/${section.id}`, {
        version: section.version,
        text: 'Hemlig bemanningsplan.',
        internal: true,
      });
      const submitted = (
        await staff.post(`${reportUrl(draft.id)}/submit`, { version: draft.version })
      ).json();
      const approved = (
        await approver.post(`${reportUrl(draft.id)}/approve`, { version: submitted.version })
      ).json();
      const published = (
        await approver.post(`${reportUrl(draft.id)}/publish`, { version: approved.version })
      ).json();
      const publicPage = await t.anonymous().get(`/r/${t.eventId}/${published.number}`);
      assert.doesNotMatch(publicPage.body, /Hemlig bemanningsplan|Medarbetare och arbetssätt/);
      const internalPage = await staff.get(`/r/${t.eventId}/${published.number}/intern`);
      assert.match(internalPage.body, /Hemlig bemanningsplan/);
      const reader = await t.login(demoPeople.reader);
      assert.equal(
        (await reader.get(`/r/${t.eventId}/${published.number}/intern`)).statusCode,
        403,
      );
    });

    it('renders a PDF with Swedish letters intact and a Word file with real headings', async () => {
      const pdf = await t.anonymous().get(`/r/${t.eventId}/1/rapport.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-pdf-'));
      const file = path.join(folder, 'rapport.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      fs.rmSync(folder, { recursive: true, force: true });
      assert.match(text, /Södra Älvsborgs Sjukhus/);
      assert.match(text, /beläggningsgrad/i);
      const docx = await t.anonymous().get(`/r/${t.eventId}/1/rapport.docx`);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      assert.match(xml, /w:pStyle w:val="Heading1"/);
      assert.match(xml, /Övergripande lägesbild och åtgärder/);
      const markdown = await t.anonymous().get(`/r/${t.eventId}/1/rapport.md`);
      assert.match(markdown.body, /^# Regional rapport Millennium 2024/m);
    });

    it('offers an Atom feed and an archive with search', async () => {
      const feed = await t.anonymous().get(`/r/${t.eventId}/feed.atom`);
      assert.equal(feed.statusCode, 200);
      assert.match(feed.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="sv">/);
      assert.match(feed.body, /<title>Rapporter från Millennium 2024<\/title>/);
      const reader = await t.login(demoPeople.reader);
      const archive = (
        await reader.get(`/api/events/${t.eventId}/archive`, { query: { q: 'floor walkers' } })
      ).json();
      assert.deepEqual(
        archive.items.map((item: { number: number }) => item.number),
        [1],
      );
      assert.equal(archive.items[0].links.internal, null, 'a reader gets no internal link');
    });
    it('refuses to change a published snapshot in the database, and verify finds tampering', async () => {
      const db = t.database.db;
      const refusal = /published reports are public records and cannot be changed or deleted/;
      await assert.rejects(
        db.updateTable('report_snapshots').set({ snapshot_json: '{}' }).execute(),
        refusal,
      );
      await assert.rejects(db.deleteFrom('report_snapshots').execute(), refusal);
      assert.deepEqual((await verifySnapshots(db)).mismatches, []);
      if (dialect === 'postgres') {
        await sql`ALTER TABLE report_snapshots DISABLE TRIGGER report_snapshots_append_only`.execute(
          db,
        );
      } else {
        await sql`DROP TRIGGER report_snapshots_no_update`.execute(db);
      }
      await db
        .updateTable('report_snapshots')
        .set({ snapshot_json: '{"forged":true}' })
        .where('number', '=', 1)
        .execute();
      const result = await verifySnapshots(db);
      assert.ok(result.mismatches.length >= 1);
      assert.ok(result.mismatches.every((mismatch) => mismatch.number === 1));
    });
  });
}
