import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { pdfToText } from '../render/helpers.ts';
import { type Client, type TestApp, adminEmail } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startRecordsApp } from '../support/records.ts';

interface Entry {
  at: string;
  kind: string;
  title: string;
  summary: string;
  target: { kind: string; id: number };
  internal: boolean;
}

interface Lesson {
  id: number;
  observation: string;
  recommendation: string;
  owner: string;
  state: string;
  category: string | null;
  version: number;
}

/** Fixed Swedish phrases of a review's Word and PDF versions. */
const REVIEW_SWEDISH_PHRASES = [
  /Efterhandsanalys/,
  /Händelsens period/,
  /Urval:/,
  /Omstyrning (börjar|upphör)/,
  /Beslut:/,
  /Lärdom \d/,
  /Tidslinje/,
  /Iakttagelse/,
  /Lärdomar som inte är klara/,
  /Händelser i tidslinjen/,
  /Sammanställd/,
  /Sida \d+ av/,
];

/** The paragraphs of a WordprocessingML body as { style, text }. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '',
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
  }));
}

for (const dialect of testDialects()) {
  describe(`after-action review on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let base: string;

    before(async () => {
      ({ t, staff, reader, url: base } = await startRecordsApp(dialect, 'review'));
    });
    after(() => t.close());

    async function timeline(client: Client, query: Record<string, string> = {}) {
      const response = await client.get(`${base}/timeline`, { query: { limit: '500', ...query } });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as { items: Entry[]; total: number };
    }

    describe('timeline', () => {
      it('merges every source in time order', async () => {
        const { items, total } = await timeline(staff);
        assert.equal(items.length, total);
        assert.deepEqual(
          new Set(items.map((entry) => entry.kind)),
          new Set([
            'log',
            'decision',
            'diversion',
            'readiness',
            'report',
            'risk',
            'milestone',
            'meeting',
          ]),
        );
        const times = items.map((entry) => entry.at);
        assert.deepEqual(times, [...times].sort());
        assert.equal(items[0]!.kind, 'readiness');
        const titles = items.map((entry) => entry.title);
        const start = titles.indexOf('Omstyrning börjar: Akutmottagningen Borås');
        const end = titles.indexOf('Omstyrning upphör: Akutmottagningen Borås');
        assert.ok(start >= 0 && end > start);
        assert.ok(titles.includes('Rapport 1 publicerad'));
        assert.ok(titles.some((title) => title.startsWith('Risk omvärderad: ')));
        const decision = items.find((entry) => entry.kind === 'decision')!;
        assert.deepEqual(decision.target.kind, 'decision');
        const linked = await staff.get(`/api/events/${t.eventId}/decisions/${decision.target.id}`);
        assert.equal(linked.statusCode, 200);
      });

      it('filters by kinds, Stockholm dates and text, and pages', async () => {
        const decisions = await timeline(staff, { kinds: 'decision,report' });
        assert.ok(decisions.total >= 4);
        assert.ok(decisions.items.every((entry) => ['decision', 'report'].includes(entry.kind)));

        // 22 November in Stockholm is 21 Nov 23:00 to 22 Nov 23:00 UTC.
        const day = await timeline(staff, { from: '2024-11-22', to: '2024-11-22' });
        assert.ok(day.total >= 5);
        assert.ok(
          day.items.every(
            (entry) =>
              entry.at >= '2024-11-21T23:00:00.000Z' && entry.at < '2024-11-22T23:00:00.000Z',
          ),
        );
        assert.ok(day.items.some((entry) => entry.title === 'Rapport 2 publicerad'));

        const text = await timeline(staff, { q: '18 FEBRUARI' });
        assert.ok(text.total >= 2);
        assert.ok(text.items.every((entry) => /18 februari/i.test(entry.title + entry.summary)));

        const all = await timeline(staff);
        const page = (
          await staff.get(`${base}/timeline`, { query: { limit: '5', offset: '3' } })
        ).json();
        assert.equal(page.total, all.total);
        assert.deepEqual(page.items, all.items.slice(3, 8));
      });

      it('refuses a bad filter with the field named', async () => {
        const kind = await staff.get(`${base}/timeline`, { query: { kinds: 'decision,weather' } });
        assert.equal(kind.statusCode, 400);
        assert.equal(kind.json().details.fields[0].field, 'kinds.1');
        const range = await staff.get(`${base}/timeline`, {
          query: { from: '2024-11-22', to: '2024-11-01' },
        });
        assert.equal(range.statusCode, 400);
        assert.equal(range.json().details.field, 'to');
      });

      it('never gives a reader an internal item', async () => {
        const forStaff = await timeline(staff);
        const forReader = await timeline(reader);
        const internal = forStaff.items.filter((entry) => entry.internal);
        assert.ok(internal.length >= 3);
        assert.ok(forReader.items.every((entry) => !entry.internal));
        assert.equal(forReader.total, forStaff.total - internal.length);
        const docx = await staff.get(`${base}/export/docx`);
        const readerDocx = await reader.get(`${base}/export/docx`);
        const staffText = await documentText(docx.rawPayload);
        const readerText = await documentText(readerDocx.rawPayload);
        const secret = internal.find((entry) => entry.kind === 'decision')!.summary;
        assert.ok(staffText.includes(secret));
        assert.ok(!readerText.includes(secret));
      });
    });

    it('is described in the OpenAPI document', async () => {
      const openapi = (await t.anonymous().get('/api/openapi.json')).json();
      const timeline = openapi.paths['/api/events/{eventId}/review/timeline'].get;
      assert.ok(
        timeline.parameters.some((parameter: { name: string }) => parameter.name === 'kinds'),
      );
      assert.ok(openapi.paths['/api/events/{eventId}/review/lessons/{lessonId}'].patch);
      assert.ok(openapi.paths['/api/events/{eventId}/review/export/{format}'].get);
    });

    describe('lessons', () => {
      const url = () => `${base}/lessons`;

      it('lists the demo lessons', async () => {
        const { items } = (await reader.get(url())).json() as { items: Lesson[] };
        assert.equal(items.length, 4);
        assert.deepEqual(
          items.map((lesson) => lesson.category),
          ['Behörigheter', 'Patientflöden', 'Kommunikation', 'Stabsarbete'],
        );
      });

      it('creates, changes and deletes a lesson with versions', async () => {
        const created = await staff.post(url(), {
          observation: 'Telefonlistan till akutmottagningarna var inaktuell.',
          owner: 'Stabschefen',
          category: '  ',
        });
        assert.equal(created.statusCode, 201, created.body);
        const lesson: Lesson = created.json();
        assert.deepEqual(
          { state: lesson.state, category: lesson.category, recommendation: lesson.recommendation },
          { state: 'open', category: null, recommendation: '' },
        );

        const changed = await staff.patch(`${url()}/${lesson.id}`, {
          version: lesson.version,
          state: 'in_progress',
          recommendation: 'Uppdatera listan varje måndag.',
        });
        assert.equal(changed.statusCode, 200, changed.body);
        assert.equal(changed.json().version, lesson.version + 1);

        const stale = await staff.patch(`${url()}/${lesson.id}`, {
          version: lesson.version,
          state: 'done',
        });
        assert.equal(stale.statusCode, 409);
        assert.equal(stale.json().details.current.state, 'in_progress');
        assert.equal(stale.json().details.current.recommendation, 'Uppdatera listan varje måndag.');

        const staleDelete = await staff.delete(`${url()}/${lesson.id}?version=${lesson.version}`);
        assert.equal(staleDelete.statusCode, 409);
        const deleted = await staff.delete(`${url()}/${lesson.id}?version=${lesson.version + 1}`);
        assert.equal(deleted.statusCode, 204);
        const { items } = (await staff.get(url())).json() as { items: Lesson[] };
        assert.ok(!items.some((item) => item.id === lesson.id));
        const gone = await staff.patch(`${url()}/${lesson.id}`, { version: 2, state: 'done' });
        assert.equal(gone.statusCode, 404);
      });

      it('refuses invalid lessons with the field named and a Swedish message', async () => {
        const empty = await staff.post(url(), { observation: '   ' });
        assert.equal(empty.statusCode, 400);
        assert.deepEqual(empty.json().details.fields, [
          { field: 'observation', message: 'Beskriv vad ni iakttog.' },
        ]);
        const state = await staff.post(url(), { observation: 'Något', state: 'finished' });
        assert.equal(state.statusCode, 400);
        assert.equal(state.json().details.fields[0].field, 'state');
        assert.equal(state.json().details.fields[0].message, 'Välj öppen, pågår eller klar.');
        const { items } = (await staff.get(url())).json() as { items: Lesson[] };
        assert.equal(items.length, 4);
      });
    });

    describe('export', () => {
      it('sends a Word document with headings, the timeline and the lessons', async () => {
        const response = await staff.get(`${base}/export/docx`, {
          query: { kinds: 'decision,diversion' },
        });
        assert.equal(response.statusCode, 200);
        assert.equal(
          response.headers['content-type'],
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        assert.equal(
          response.headers['content-disposition'],
          `attachment; filename="Efterhandsanalys-Millennium-2024.docx"; filename*=UTF-8''Efterhandsanalys%20Millennium%202024.docx`,
        );
        const zip = await JSZip.loadAsync(response.rawPayload);
        const body = paragraphs((await zip.file('word/document.xml')!.async('string')) ?? '');
        const styled = (style: string) =>
          body.filter((paragraph) => paragraph.style === style).map((paragraph) => paragraph.text);
        assert.deepEqual(styled('Title'), ['Efterhandsanalys: Millennium 2024']);
        assert.deepEqual(styled('Heading1'), ['Sammanfattning', 'Tidslinje', 'Lärdomar']);
        assert.equal(styled('Heading2')[0], 'Lärdom 1: Behörigheter');
        const text = body.map((paragraph) => paragraph.text).join('\n');
        assert.match(text, /Händelsens period: 2024-10-\d\d – /);
        assert.match(text, /Urval: beslut, omstyrning\./);
        assert.match(text, /Omstyrning börjar: Akutmottagningen Borås/);
        assert.doesNotMatch(text, /Rapport 1 publicerad/);
        assert.match(text, /Kommunikationsavdelningen/);
      });

      it('sends a PDF whose text keeps å, ä and ö', async () => {
        const response = await staff.get(`${base}/export/pdf`, {
          query: { from: '2024-11-22', to: '2024-11-22' },
        });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'application/pdf');
        assert.match(String(response.headers['content-disposition']), /\.pdf"; filename\*=/);
        const text = pdfToText(response.rawPayload).replace(/\s+/g, ' ');
        assert.match(text, /Efterhandsanalys: Millennium 2024/);
        assert.match(text, /Omstyrning upphör: Akutmottagningen Borås/);
        assert.match(text, /Lärdom 2: Patientflöden/);
        assert.match(text, /Behörigheter/);
        assert.doesNotMatch(text, /Rapport 1 publicerad/);
      });
    });

    it('writes the review in the event’s language: English for an English event', async () => {
      const setLanguage = (language: 'sv' | 'en') =>
        t.database.db.updateTable('events').set({ language }).where('id', '=', t.eventId).execute();
      const exported = async () => {
        const query = { kinds: 'decision,diversion' };
        const docx = await staff.get(`${base}/export/docx`, { query });
        const pdf = await staff.get(`${base}/export/pdf`, { query });
        assert.equal(docx.statusCode, 200);
        assert.equal(pdf.statusCode, 200);
        const zip = await JSZip.loadAsync(docx.rawPayload);
        const xml = (await zip.file('word/document.xml')!.async('string')) ?? '';
        const footer = (await zip.file('word/footer1.xml')?.async('string')) ?? '';
        const headings = paragraphs(xml)
          .filter((paragraph) => /^(Title|Heading1)$/.test(paragraph.style))
          .map((paragraph) => paragraph.text);
        return {
          headings,
          docx: `${await documentText(docx.rawPayload)}\n${footer}`,
          pdf: pdfToText(pdf.rawPayload).replace(/\s+/g, ' '),
          fileName: String(docx.headers['content-disposition']),
        };
      };
      await setLanguage('en');
      const english = await exported();
      await setLanguage('sv');
      const swedish = await exported();
      assert.deepEqual(english.headings, [
        'After-action review: Millennium 2024',
        'Summary',
        'Timeline',
        'Lessons learned',
      ]);
      assert.deepEqual(swedish.headings, [
        'Efterhandsanalys: Millennium 2024',
        'Sammanfattning',
        'Tidslinje',
        'Lärdomar',
      ]);
      assert.match(english.fileName, /filename="After-action-review-Millennium-2024\.docx"/);
      for (const text of [english.docx, english.pdf]) {
        assert.match(text, /Period of the incident: 2024-10-\d\d – /);
        assert.match(text, /Selection: decision, diversion\./);
        assert.match(text, /Diversion starts: Akutmottagningen Borås/);
        assert.match(text, /Lesson 1: Behörigheter/);
        assert.match(text, /Observation/);
        assert.match(text, /Compiled: /);
      }
      assert.match(english.pdf, /Page 1 of \d+/);
      for (const phrase of REVIEW_SWEDISH_PHRASES) {
        assert.match(`${swedish.docx}\n${swedish.pdf}`, phrase);
        assert.doesNotMatch(english.docx, phrase, 'Word');
        assert.doesNotMatch(english.pdf, phrase, 'PDF');
      }
    });

    it('reads the date filter and writes every time in the event’s own zone', async () => {
      const admin = await t.login(adminEmail);
      const created = await admin.post('/api/events', {
        name: 'Övning Tokyo',
        timeZone: 'Asia/Tokyo',
      });
      assert.equal(created.statusCode, 201, created.body);
      const eventBase = `/api/events/${created.json().id}`;
      const tokyoOffsetMs = 9 * 3_600_000;
      const day = new Date(Date.now() - 86_400_000 + tokyoOffsetMs).toISOString().slice(0, 10);
      const justAfterMidnight = new Date(Date.parse(`${day}T00:30:00Z`) - tokyoOffsetMs);
      const entry = await admin.post(`${eventBase}/log`, {
        occurredAt: justAfterMidnight.toISOString(),
        text: 'Larm strax efter midnatt i Tokyo',
      });
      assert.equal(entry.statusCode, 201, entry.body);
      const ofDay = await admin.get(`${eventBase}/review/timeline`, {
        query: { from: day, to: day },
      });
      assert.equal(ofDay.statusCode, 200, ofDay.body);
      assert.deepEqual(
        (ofDay.json().items as Entry[]).map((item) => item.summary || item.title),
        ['Larm strax efter midnatt i Tokyo'],
      );
      const docx = await admin.get(`${eventBase}/review/export/docx`, {
        query: { from: day, to: day },
      });
      assert.equal(docx.statusCode, 200);
      assert.match(await documentText(docx.rawPayload), new RegExp(`${day} 00:30`));
    });

    describe('after the event is closed', () => {
      // Runs last: it closes the demo event. Set directly so the test does not depend on how
      // the closing checklist decides.
      before(async () => {
        await t.database.db
          .updateTable('events')
          .set({ state: 'closed', closed_at: '2024-11-26T09:00:00.000Z' })
          .where('id', '=', t.eventId)
          .execute();
      });

      it('still takes lessons while other records are read-only', async () => {
        const lesson = await staff.post(`${base}/lessons`, {
          observation: 'Uppföljningen i januari behöver stabens loggbok som underlag.',
        });
        assert.equal(lesson.statusCode, 201, lesson.body);
        const decision = await staff.post(`/api/events/${t.eventId}/decisions`, {
          decidedAt: '2024-11-27T09:00:00Z',
          forum: 'Operativ samordning produktionschefer',
          text: 'Ett beslut efter avslutet.',
        });
        assert.equal(decision.statusCode, 409);
        assert.equal(decision.json().error, 'event_closed');
        const docx = await staff.get(`${base}/export/docx`);
        assert.match(
          await documentText(docx.rawPayload),
          /Händelsens period: 2024-10-\d\d – 2024-11-26/,
        );
      });
    });
  });
}

async function documentText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')!.async('string')) ?? '';
  return paragraphs(xml)
    .map((paragraph) => paragraph.text)
    .join('\n');
}
