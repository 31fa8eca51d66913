// Hostile text: every user-written text field is filled with the Big List of Naughty Strings and
// known XSS payloads. The text must come back from the API exactly as stored (trimmed where the
// field trims), and no rendering of a published report may carry active content.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import type { ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { renderEmail } from '../../src/render/email.ts';
import { activeContentProblems, pdfToText } from '../render/helpers.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  allPayloads,
  currentPeriodKey,
  naughtyStrings,
  publish,
  reportUrl,
  startDraft,
  trimmedOrRejected,
  inBatches,
  xssPayloads,
} from './support.ts';

/** The XSS list and every fourth naughty string: fields other than log text and section text. */
const sample = [...xssPayloads, ...naughtyStrings.filter((_, index) => index % 4 === 0)];
/** Fields that take one value at a time (a situation draft, the event's and a unit's name). */
const fewer = [...xssPayloads, ...naughtyStrings.filter((_, index) => index % 20 === 0)];
const now = () => new Date().toISOString();

/** Raw PDF syntax that runs code or opens something other than a web page. */
function pdfActiveContent(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const problems: string[] = [];
  if (/\/S\s*\/JavaScript|\/JS\s*[(<]|\/Launch|\/SubmitForm|\/ImportData|\/RichMedia/.test(raw))
    problems.push('a script, launch or form action');
  for (const [, uri = ''] of raw.matchAll(/\/URI\s*\(((?:\\.|[^)])*)\)/g)) {
    if (!/^(https?:|mailto:)/i.test(uri.trim())) problems.push(`a link to ${uri}`);
  }
  return problems;
}

/** Word XML: no links to scripts or data, no macros, no embedded HTML, and no injected runs. */
async function docxActiveContent(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (/vbaProject|activeX|embeddings|\.bin$/i.test(name)) problems.push(`part ${name}`);
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const xml = await zip.file(name)!.async('string');
    if (
      /<\s*script|<w:altChunk|TargetMode="External"[^>]*Target="\s*(javascript|data|vbscript|file):/i.test(
        xml,
      )
    )
      problems.push(`active content in ${name}`);
    for (const [, target = ''] of xml.matchAll(/Target="([^"]*)"/g)) {
      if (/^\s*(javascript|data|vbscript|file):/i.test(target)) problems.push(`${name}: ${target}`);
    }
    if (/injicerad Word-XML<\/w:t>/.test(xml)) problems.push(`injected Word XML in ${name}`);
  }
  return problems;
}

for (const dialect of testDialects()) {
  describe(`hostile text on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let approver: Client;
    let communicator: Client;
    let unitId: number;
    let publishedNumber: number;
    let reportHtml: string;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
      communicator = await t.login(demoPeople.communicator);
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      unitId = units.find((unit) => unit.code === 'SÄS')!.id;
    });
    after(() => t.close());

    it('round-trips every payload through log entries, unchanged but trimmed', async () => {
      const created: [number, string][] = [];
      await inBatches(allPayloads(), 12, async (payload) => {
        const expected = trimmedOrRejected(payload);
        const response = await staff.post(`/api/events/${t.eventId}/log`, {
          occurredAt: now(),
          text: payload,
          source: payload.slice(0, 300),
        });
        if (expected === null) {
          assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`);
          return;
        }
        assert.equal(response.statusCode, 201, `${JSON.stringify(payload)}: ${response.body}`);
        assert.equal(response.json().text, expected);
        created.push([response.json().id, expected]);
      });
      const stored = new Map<number, string>();
      for (let offset = 0; ; offset += 500) {
        const page = await staff.get(`/api/events/${t.eventId}/log?limit=500&offset=${offset}`);
        assert.equal(page.statusCode, 200, page.body);
        const items = page.json().items as { id: number; text: string }[];
        for (const item of items) stored.set(item.id, item.text);
        if (items.length < 500) break;
      }
      const changed = created.filter(([id, text]) => stored.get(id) !== text);
      assert.deepEqual(changed, [], 'log entries whose text changed on the way');
    });

    it('round-trips payloads through report sections, byte for byte', async () => {
      const draft = await startDraft(t, staff);
      const sections = draft.sections.filter((candidate) => candidate.kind === 'text');
      assert.ok(sections.length >= 3);
      // Each text section takes its share of the payloads, one save after another.
      await Promise.all(
        sections.map(async (section, index) => {
          let version = section.version;
          const url = `${reportUrl(t, draft.id)}/sections/${section.id}`;
          for (const payload of sample.filter((_, n) => n % sections.length === index)) {
            const saved = await staff.request('PUT', url, { version, text: payload });
            assert.equal(saved.statusCode, 200, `${JSON.stringify(payload)}: ${saved.body}`);
            assert.equal(saved.json().text, payload);
            version = saved.json().version;
          }
        }),
      );
      const whole = allPayloads().join('\n');
      const saved = await staff.request(
        'PUT',
        `${reportUrl(t, draft.id)}/sections/${sections[0]!.id}`,
        {
          version: (await staff.get(reportUrl(t, draft.id))).json().sections[0].version,
          text: whole,
        },
      );
      assert.equal(saved.statusCode, 200, saved.body);
      const reread = (await staff.get(reportUrl(t, draft.id))).json();
      assert.equal(
        reread.sections.find((candidate: { id: number }) => candidate.id === sections[0]!.id).text,
        whole,
      );
    });

    it('round-trips payloads through decisions, communication titles, situations, names', async () => {
      const mismatches: string[] = [];
      const check = (what: string, payload: string, actual: unknown, expected: string) => {
        if (actual !== expected)
          mismatches.push(
            `${what}: ${JSON.stringify(payload)} came back ${JSON.stringify(actual)}`,
          );
      };
      await inBatches(sample, 8, async (payload) => {
        const expected = trimmedOrRejected(payload);
        const decision = await staff.post(`/api/events/${t.eventId}/decisions`, {
          decidedAt: now(),
          forum: payload.slice(0, 200),
          text: payload,
          rationale: payload,
        });
        const activity = await communicator.post(
          `/api/events/${t.eventId}/communication/activities`,
          {
            occurredOn: now().slice(0, 10),
            channels: ['intranet'],
            audience: 'external',
            title: payload.slice(0, 500),
          },
        );
        if (expected === null || trimmedOrRejected(payload.slice(0, 200)) === null) {
          assert.equal(decision.statusCode, 400, decision.body);
          return;
        }
        assert.equal(decision.statusCode, 201, `${JSON.stringify(payload)}: ${decision.body}`);
        assert.equal(activity.statusCode, 201, `${JSON.stringify(payload)}: ${activity.body}`);
        const stored = await staff.get(`/api/events/${t.eventId}/decisions/${decision.json().id}`);
        check('decision text', payload, stored.json().text, expected);
        check('decision rationale', payload, stored.json().rationale, payload);
        check('decision forum', payload, stored.json().forum, payload.slice(0, 200).trim());
        check('activity title', payload, activity.json().title, payload.slice(0, 500).trim());
      });

      const period = currentPeriodKey();
      const situationUrl = `/api/events/${t.eventId}/units/${unitId}/situations/${period}`;
      let version: number | undefined = (
        await staff.get(`/api/events/${t.eventId}/situations?unitId=${unitId}&period=${period}`)
      ).json().items[0]?.version;
      for (const payload of fewer) {
        const saved = await admin.request('PUT', situationUrl, {
          ...(version !== undefined && { version }),
          overallStatus: 'yellow',
          bullets: payload,
          keyFigures: [{ name: payload.slice(0, 200).trim() || 'x', value: 1, unit: '' }],
        });
        assert.ok(saved.statusCode < 300, `${JSON.stringify(payload)}: ${saved.body}`);
        version = saved.json().version;
        const stored = await staff.get(`/api/events/${t.eventId}/situations/${saved.json().id}`);
        check('situation bullets', payload, stored.json().bullets, payload);
      }

      const event = (await admin.get(`/api/events/${t.eventId}`)).json();
      let eventVersion: number = event.version;
      const unit = (await admin.get('/api/units'))
        .json()
        .items.find((candidate: { id: number }) => candidate.id === unitId);
      let unitVersion: number = unit.version;
      for (const payload of fewer) {
        const name = trimmedOrRejected(payload.slice(0, 200));
        const renamed = await admin.patch(`/api/events/${t.eventId}`, {
          version: eventVersion,
          name: payload.slice(0, 200),
          description: payload,
        });
        const unitRenamed = await admin.patch(`/api/units/${unitId}`, {
          version: unitVersion,
          name: payload.slice(0, 200),
        });
        if (name === null) {
          assert.equal(renamed.statusCode, 400, renamed.body);
          assert.equal(unitRenamed.statusCode, 400, unitRenamed.body);
          continue;
        }
        assert.equal(renamed.statusCode, 200, `${JSON.stringify(payload)}: ${renamed.body}`);
        assert.equal(
          unitRenamed.statusCode,
          200,
          `${JSON.stringify(payload)}: ${unitRenamed.body}`,
        );
        eventVersion = renamed.json().version;
        unitVersion = unitRenamed.json().version;
        const stored = (await staff.get(`/api/events/${t.eventId}`)).json();
        check('event name', payload, stored.name, name);
        check('event description', payload, stored.description, payload);
        const storedUnit = (await staff.get('/api/units'))
          .json()
          .items.find((candidate: { id: number }) => candidate.id === unitId);
        check('unit name', payload, storedUnit.name, name);
      }
      assert.deepEqual(mismatches, []);
    });

    it('publishes a report full of payloads with no active content in any rendering', async () => {
      // The names the report shows last: an XSS payload each.
      const event = (await admin.get(`/api/events/${t.eventId}`)).json();
      await admin.patch(`/api/events/${t.eventId}`, {
        version: event.version,
        name: '<script>alert("händelse")</script>',
      });
      const unit = (await admin.get('/api/units'))
        .json()
        .items.find((candidate: { id: number }) => candidate.id === unitId);
      await admin.patch(`/api/units/${unitId}`, {
        version: unit.version,
        name: '<img src=x onerror=alert("enhet")>',
      });
      const period = currentPeriodKey();
      const situation = (
        await staff.get(`/api/events/${t.eventId}/situations?unitId=${unitId}&period=${period}`)
      ).json().items[0];
      const saved = await admin.request(
        'PUT',
        `/api/events/${t.eventId}/units/${unitId}/situations/${period}`,
        {
          version: situation.version,
          overallStatus: 'red',
          prognosis: 'worsening',
          bullets: xssPayloads.map((payload) => `- ${payload}`).join('\n'),
        },
      );
      assert.equal(saved.statusCode, 200, saved.body);
      const submitted = await admin.post(
        `/api/events/${t.eventId}/units/${unitId}/situations/${period}/submit`,
        { version: saved.json().version },
      );
      assert.equal(submitted.statusCode, 200, submitted.body);

      const draft = await startDraft(t, staff, 'regular');
      const textSections = draft.sections.filter((candidate) => candidate.kind === 'text');
      for (const [index, section] of textSections.entries()) {
        // Every payload once in the first section; the XSS list in each of the others.
        const text = (index === 0 ? allPayloads() : xssPayloads).join('\n\n');
        const response = await staff.request(
          'PUT',
          `${reportUrl(t, draft.id)}/sections/${section.id}`,
          { version: section.version, text, internal: false },
        );
        assert.equal(response.statusCode, 200, response.body);
      }
      const published = await publish(t, staff, approver, draft);
      publishedNumber = published.number;

      const base = `/r/${t.eventId}/${publishedNumber}`;
      const page = await t.anonymous().get(base);
      assert.equal(page.statusCode, 200);
      reportHtml = page.body;
      assert.doesNotMatch(reportHtml, /<script/i);
      assert.deepEqual(activeContentProblems(reportHtml), []);
      assert.match(
        reportHtml,
        /&lt;script&gt;alert\(1\)&lt;\/script&gt;/,
        'payloads shown as text',
      );
      const internalPage = await staff.get(`${base}/intern`);
      assert.equal(internalPage.statusCode, 200);
      assert.doesNotMatch(internalPage.body, /<script/i);
      assert.deepEqual(activeContentProblems(internalPage.body), []);

      const snapshotRows = await t.database.db
        .selectFrom('report_snapshots')
        .select(['snapshot_json', 'audience'])
        .where('report_id', '=', published.id)
        .execute();
      assert.equal(snapshotRows.length, 2);
      for (const row of snapshotRows) {
        const snapshot = JSON.parse(row.snapshot_json) as ReportSnapshot;
        const email = renderEmail(snapshot, { reportUrl: `http://127.0.0.1:3000${base}` });
        assert.doesNotMatch(email.html, /<script/i, `${row.audience} e-mail`);
        assert.deepEqual(activeContentProblems(email.html), [], `${row.audience} e-mail`);
        assert.doesNotMatch(email.subject, /[\r\n]/);
      }

      const docx = await t.anonymous().get(`${base}/rapport.docx`);
      assert.equal(docx.statusCode, 200);
      assert.deepEqual(await docxActiveContent(docx.rawPayload), []);

      const pdf = await t.anonymous().get(`${base}/rapport.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.deepEqual(pdfActiveContent(pdf.rawPayload), []);
      const text = pdfToText(pdf.rawPayload);
      assert.match(text, /<script>alert\(1\)<\/script>/, 'payloads are printed as plain text');

      const markdown = await t.anonymous().get(`${base}/rapport.md`);
      const permissive = new MarkdownIt({ html: true, linkify: true }).render(markdown.body);
      assert.deepEqual(activeContentProblems(permissive), []);

      const feed = await t.anonymous().get(`/r/${t.eventId}/feed.atom`);
      assert.equal(feed.statusCode, 200);
      assert.doesNotMatch(feed.body, /<script|<img/i);
    });

    it('sends a Content-Security-Policy without unsafe-inline scripts on every HTML page', async () => {
      const pages = [
        '/',
        '/login',
        `/events/${t.eventId}`,
        `/r/${t.eventId}/${publishedNumber}`,
        `/r/${t.eventId}/1`,
        '/unsubscribe/ogiltig',
        '/api/docs/static/index.html',
      ];
      const failures: string[] = [];
      for (const url of pages) {
        for (const client of [t.anonymous(), staff]) {
          const response = await client.get(url);
          const type = String(response.headers['content-type'] ?? '');
          if (!type.startsWith('text/html')) continue;
          const csp = String(response.headers['content-security-policy'] ?? '');
          const scriptSrc = (/(?:^|;)\s*script-src\s+([^;]*)/.exec(csp) ??
            /(?:^|;)\s*default-src\s+([^;]*)/.exec(csp))?.[1];
          if (!scriptSrc) failures.push(`${url}: no script-src in "${csp}"`);
          else if (/'unsafe-inline'|'unsafe-eval'|\*|data:/.test(scriptSrc))
            failures.push(`${url}: script-src ${scriptSrc}`);
          if (!/object-src 'none'/.test(csp)) failures.push(`${url}: object-src is not 'none'`);
        }
      }
      assert.deepEqual(failures, []);
      const page = await t.anonymous().get(`/r/${t.eventId}/${publishedNumber}`);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(String(page.headers['x-content-type-options']), /nosniff/);
    });
  });
}
