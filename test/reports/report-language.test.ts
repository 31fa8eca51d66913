// A report's fixed texts follow its event's language (issue 19): the same template over the demo's
// data, published once in Swedish and once in English. Each fixed Swedish phrase below is in the
// Swedish report, and none is in the English one, in any of its formats.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { defaultReturnForm } from '../../src/contract/return-forms.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/** Fixed Swedish phrases that the compiler or the renderers write, as they appear in each format. */
const SWEDISH_PHRASES = [
  /\bvecka \d+/,
  /Sida \d+ av \d+/,
  /\d+ av \d+ enheter har rapporterat/,
  /\bBeslutat av\b/,
  /\bBeslut\b/,
  /\bNyckeltal\b/,
  /\bSamlat läge\b/,
  /har inte rapporterat för/,
  />Innehåll</,
  /\bRapport(period| nr)\b/,
  /\bMilstolpe\b/,
  /\bRiskvärde\b/,
  /\bBeredskapsnivå:/,
  /\bSammanställd\b/,
  /\bOBSERVERA\b|\bObservera:/,
  /\bu\/a\b/,
];

/** Phrases that only some formats carry (the page footer is in PDF and Word alone). */
const ONLY_IN: Record<string, string[]> = {
  [String(/Sida \d+ av \d+/)]: ['pdf'],
  [String(/>Innehåll</)]: ['html'],
};

const ENGLISH_PHRASES = [
  /\bweek \d+/,
  /\d+ of \d+ units have reported/,
  /\bDecided by\b/,
  /\bKey figures\b/,
  /\bOverall status\b/,
  /has not reported for/,
  /\b[Rr]eport no\. \d+/,
  /\bMilestone\b/,
  /\bLikelihood\b/,
  /\bReadiness level\b/,
  /\bCompiled: /,
  /\bn\/a\b/,
];

/** A figure's percentage with one decimal: "88,7 %" in Swedish, "88.7 %" in English. */
const SWEDISH_DECIMAL = /\d,\d\s%/;
const ENGLISH_DECIMAL = /\d\.\d\s%/;

interface Rendered {
  html: string;
  markdown: string;
  pdf: string;
  docx: string;
}

for (const dialect of testDialects()) {
  describe(`a report in its event's language on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    let admin: Client;
    let templateId: number;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
      admin = await t.login(adminEmail);
      // Names the event configures stay as written: the demo's figure "… per vecka" would read
      // as a fixed week label where the PDF wraps its name beside its value.
      await t.database.db
        .updateTable('figure_definitions')
        .set({ name: 'Medieartiklar om Millennium' })
        .where('name', '=', 'Medieartiklar om Millennium per vecka')
        .execute();
      const created = await admin.post(`/api/events/${t.eventId}/templates`, {
        name: 'Language',
        sections: [
          { key: 'units', title: '{unit}', kind: 'unit_situations' },
          {
            key: 'figures',
            title: 'Figures',
            kind: 'key_figures',
            figures: { showReported: true, units: [] },
          },
          { key: 'everything', title: 'Every figure', kind: 'key_figures' },
          {
            key: 'decisions',
            title: 'Decisions taken',
            kind: 'decisions',
            list: { columns: ['date', 'forum', 'text', 'decided_by'] },
          },
          { key: 'milestones', title: 'Plan', kind: 'milestones' },
          { key: 'actions', title: 'To do', kind: 'actions' },
          { key: 'risks', title: 'Risks', kind: 'risks' },
          { key: 'readiness', title: 'Readiness', kind: 'readiness' },
          { key: 'log', title: 'Log', kind: 'log' },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      templateId = created.json().id;
    });
    after(() => t.close());

    async function setLanguage(language: 'sv' | 'en') {
      await t.database.db
        .updateTable('events')
        .set({ language })
        .where('id', '=', t.eventId)
        .execute();
    }

    /**
     * Records a decision and a log entry for the report to show, then starts, approves and
     * publishes a report from the template; returns every format of it.
     */
    async function publishedReport(): Promise<Rendered> {
      const decision = await staff.post(`/api/events/${t.eventId}/decisions`, {
        decidedAt: new Date().toISOString(),
        forum: 'Staff meeting',
        mandate: 'Head of staff',
        text: 'Keep the extra ward open.',
      });
      assert.equal(decision.statusCode, 201, decision.body);
      const entry = await staff.post(`/api/events/${t.eventId}/log`, {
        occurredAt: new Date().toISOString(),
        text: 'The night shift was reinforced.',
      });
      assert.equal(entry.statusCode, 201, entry.body);
      const started = await staff.post(`/api/events/${t.eventId}/reports`, {
        kind: 'extra',
        templateId,
      });
      assert.equal(started.statusCode, 201, started.body);
      const url = `/api/events/${t.eventId}/reports/${started.json().id}`;
      const submitted = await staff.post(`${url}/submit`, { version: started.json().version });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const approved = await approver.post(`${url}/approve`, {
        version: submitted.json().version,
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const published = await approver.post(`${url}/publish`, {
        version: approved.json().version,
      });
      assert.equal(published.json().state, 'published', published.body);
      const base = `/r/${t.eventId}/${started.json().number}`;
      const html = (await t.anonymous().get(base)).body;
      const markdown = (await t.anonymous().get(`${base}/rapport.md`)).body;
      const pdf = pdfText((await t.anonymous().get(`${base}/rapport.pdf`)).rawPayload);
      const zip = await JSZip.loadAsync(
        (await t.anonymous().get(`${base}/rapport.docx`)).rawPayload,
      );
      const docx = await zip.file('word/document.xml')!.async('string');
      const footer = await zip.file('word/footer1.xml')?.async('string');
      return { html, markdown, pdf, docx: `${docx}${footer ?? ''}` };
    }

    it('writes every fixed text in English for an English event, and in Swedish otherwise', async () => {
      await setLanguage('sv');
      const swedish = await publishedReport();
      await setLanguage('en');
      const english = await publishedReport();
      for (const format of ['html', 'markdown', 'pdf', 'docx'] as const) {
        for (const phrase of SWEDISH_PHRASES) {
          const formats = ONLY_IN[String(phrase)];
          if (!formats || formats.includes(format)) {
            assert.match(swedish[format], phrase, `${format}: Swedish report`);
          }
          assert.doesNotMatch(english[format], phrase, `${format}: English report`);
        }
        for (const phrase of ENGLISH_PHRASES) {
          assert.match(english[format], phrase, `${format}: English report`);
        }
      }
      for (const format of ['html', 'markdown', 'pdf', 'docx'] as const) {
        assert.match(swedish[format], SWEDISH_DECIMAL, `${format}: Swedish report`);
        assert.doesNotMatch(swedish[format], ENGLISH_DECIMAL, `${format}: Swedish report`);
        assert.match(english[format], ENGLISH_DECIMAL, `${format}: English report`);
        assert.doesNotMatch(english[format], SWEDISH_DECIMAL, `${format}: English report`);
      }
      assert.match(english.pdf, /Page \d+ of \d+/);
      assert.match(english.html, /<html lang="en">/);
      assert.match(english.html, /\bContents\b/);
      const feed = (await t.anonymous().get(`/r/${t.eventId}/feed.atom`)).body;
      assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/);
      assert.match(feed, /<title>Reports from Millennium 2024<\/title>/);
    });

    it('labels the status lines with the form’s own labels, and with the report’s where the form keeps the default', async () => {
      const form = (await admin.get(`/api/events/${t.eventId}/return-form`)).json();
      const relabelled = defaultReturnForm().map((field) =>
        field.key === 'overallStatus'
          ? { ...field, label: 'Läget i stort' }
          : field.key === 'prognosis'
            ? { ...field, label: 'Utsikter' }
            : field,
      );
      const replaced = await admin.request('PUT', `/api/events/${t.eventId}/return-form`, {
        version: form.version,
        fields: relabelled,
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      for (const language of ['sv', 'en'] as const) {
        await setLanguage(language);
        const { markdown } = await publishedReport();
        const lines = markdown.split('\n').filter((line) => line.startsWith('Läget i stort'));
        assert.equal(lines.length, 3, markdown);
        const [first] = lines;
        const area = language === 'sv' ? 'Tillgång till vård' : 'Access to care';
        assert.match(
          first!,
          new RegExp(`^Läget i stort: \\S+ \\S+ · Utsikter: \\S+ \\S+ · ${area}: `),
        );
        assert.doesNotMatch(markdown, /Samlat läge|Overall status|Prognos:|Outlook:/);
      }
    });
  });
}

function pdfText(pdf: Buffer): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-language-'));
  const file = path.join(folder, 'rapport.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  fs.rmSync(folder, { recursive: true, force: true });
  // A table cell may wrap over lines: the phrases are matched across them.
  return text.replace(/\s+/g, ' ');
}
