// Access control beyond the matrix: a user granted on event A reaches nothing of event B, not even
// through B's URLs with A's item ids; and a reader never receives an item marked internal through
// any route a reader can reach (lists, details, search, the archive, the Atom feed, the public
// report pages and their downloads).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { declaredRoutes } from '../../src/server/http/guard.ts';
import { pdfToText } from '../render/helpers.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  changedTables,
  currentPeriodKey,
  fingerprint,
  publish,
  reportUrl,
  startDraft,
} from './support.ts';

const password = 'Ett-testlösenord-för-händelse-B';
const marker = (kind: string) => `HEMLIG-${kind}-7f3a`;

for (const dialect of testDialects()) {
  describe(`access across events and to internal items on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let reader: Client;
    /** Event A's item ids by route parameter name. */
    const idsOfA: Record<string, string> = {};
    let unitId: number;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      unitId = units.find((unit) => unit.code === 'SÄS')!.id;
    });
    after(() => t.close());

    it('hides every route of event A from a user who holds every role on event B only', async () => {
      const eventB = await admin.post('/api/events', { name: 'Övning Storm' });
      assert.equal(eventB.statusCode, 201, eventB.body);
      const user = await admin.post('/api/users', {
        email: 'bara.storm@lagesbild.local',
        name: 'Bara Storm',
        password,
      });
      assert.equal(user.statusCode, 201, user.body);
      for (const role of ['admin', 'staff', 'communicator', 'approver', 'reader'])
        await admin.post(`/api/events/${eventB.json().id}/grants`, {
          userId: user.json().id,
          role,
        });
      const other = await t.login('bara.storm@lagesbild.local', password);
      await collectIdsOfA();

      const failures: string[] = [];
      const before = await fingerprint(t);
      for (const route of declaredRoutes(t.app)) {
        if (route.access.kind !== 'event' || route.url.endsWith('/stream')) continue;
        // Event A's URL with A's own ids: hidden entirely.
        const direct = fill(route.url, t.eventId);
        const response = await other.request(
          route.method,
          direct,
          route.method === 'GET' ? undefined : { version: 1 },
        );
        if (response.statusCode !== 404 || !response.body.includes('Händelsen finns inte'))
          failures.push(`${route.method} ${direct}: ${response.statusCode}`);
        // Event B's URL with A's ids: never A's items.
        // (Units are shared by all events: B's own situation for a unit is B's, not A's.)
        const itemParams = [...route.url.matchAll(/:(\w+)/g)]
          .map(([, name]) => name)
          .filter((name) => !['eventId', 'unitId', 'period'].includes(name!));
        if (itemParams.length === 0) continue;
        const crossed = fill(route.url, eventB.json().id);
        const sideways = await other.request(
          route.method,
          crossed,
          route.method === 'GET' ? undefined : { version: 1 },
        );
        if (sideways.statusCode < 300 && route.method !== 'GET')
          failures.push(`${route.method} ${crossed} wrote: ${sideways.statusCode}`);
        if (sideways.statusCode < 300 && leaksA(sideways.body))
          failures.push(
            `${route.method} ${crossed} showed event A: ${sideways.body.slice(0, 160)}`,
          );
      }
      const changed = changedTables(before, await fingerprint(t)).filter(
        (table) => table !== 'audit_records' && table !== 'subscriptions',
      );
      assert.deepEqual(failures, []);
      assert.deepEqual(changed, [], 'event A was changed by a user of event B');
      const events = (await other.get('/api/events')).json().items as { id: number }[];
      assert.deepEqual(
        events.map((event) => event.id),
        [eventB.json().id],
      );
    });

    it('never shows a reader an item marked internal, through any route', async () => {
      const now = new Date().toISOString();
      const base = `/api/events/${t.eventId}`;
      const created = await Promise.all([
        staff.post(`${base}/log`, { occurredAt: now, text: marker('logg'), internal: true }),
        staff.post(`${base}/decisions`, {
          decidedAt: now,
          forum: marker('forum'),
          text: marker('beslut'),
          internal: true,
        }),
        staff.post(`${base}/actions`, {
          text: marker('åtgärd'),
          ownerName: marker('ägare'),
          dueAt: now,
          internal: true,
        }),
        staff.post(`${base}/risks`, {
          title: marker('risk'),
          likelihood: 2,
          consequence: 3,
          internal: true,
        }),
        staff.post(`${base}/communication/activities`, {
          occurredOn: now.slice(0, 10),
          channels: ['intranet'],
          audience: 'internal',
          title: marker('aktivitet'),
          internal: true,
        }),
        staff.post(`${base}/communication/media`, {
          period: currentPeriodKey(),
          articleCount: 3,
          themes: [marker('tema')],
          tone: 'mixed',
          comment: marker('media'),
          internal: true,
        }),
        staff.post(`${base}/communication/spokespersons`, {
          name: marker('talesperson'),
          title: 'Presschef',
          fromDate: now.slice(0, 10),
          internal: true,
        }),
        admin.request('PUT', `${base}/units/${unitId}/situations/${currentPeriodKey()}`, {
          overallStatus: 'red',
          prognosis: 'worsening',
          bullets: `- ${marker('lägesbild')}`,
          internal: true,
        }),
      ]);
      for (const response of created) assert.ok(response.statusCode < 300, response.body);
      const situation = created.at(-1)!.json();
      const submitted = await admin.post(
        `${base}/units/${unitId}/situations/${currentPeriodKey()}/submit`,
        { version: situation.version },
      );
      assert.equal(submitted.statusCode, 200, submitted.body);

      // A report with an internal section, published: only the internal snapshot may hold it.
      const draft = await startDraft(t, staff, 'regular');
      const section = draft.sections.find((candidate) => candidate.kind === 'text')!;
      const saved = await staff.request('PUT', `${reportUrl(t, draft.id)}/sections/${section.id}`, {
        version: section.version,
        text: marker('avsnitt'),
        internal: true,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const published = await publish(t, staff, await t.login(demoPeople.approver), draft);
      const internalPage = await staff.get(`/r/${t.eventId}/${published.number}/intern`);
      assert.match(internalPage.body, /HEMLIG-avsnitt/, 'staff see the internal section');

      for (const [name, response] of created.entries()) {
        const id = response.json().id;
        if (id)
          idsOfA[
            [
              'entryId',
              'decisionId',
              'actionId',
              'riskId',
              'activityId',
              'mediaPictureId',
              'spokespersonId',
              'situationId',
            ][name]!
          ] = String(id);
      }
      const meeting = await staff.post(`${base}/meetings`, {
        title: marker('möte'),
        startsAt: now,
        endsAt: new Date(Date.parse(now) + 3_600_000).toISOString(),
        minutes: marker('protokoll'),
        internal: true,
      });
      assert.equal(meeting.statusCode, 201, meeting.body);
      idsOfA.meetingId = String(meeting.json().id);
      idsOfA.reportId = String(draft.id);
      idsOfA.number = String(published.number);

      const leaks: string[] = [];
      const scan = (what: string, body: string) => {
        if (body.includes('HEMLIG-'))
          leaks.push(
            `${what}: ${body.slice(body.indexOf('HEMLIG-') - 80, body.indexOf('HEMLIG-') + 40)}`,
          );
      };
      const readerRoutes = declaredRoutes(t.app).filter(
        (route) =>
          route.method === 'GET' &&
          !route.url.startsWith('/api/docs') &&
          !route.url.endsWith('/stream') &&
          route.url !== '/*',
      );
      let reached = 0;
      for (const route of readerRoutes) {
        for (const variant of variants(route.url)) {
          for (const query of ['', '?limit=500', `?q=HEMLIG`, `?period=${currentPeriodKey()}`]) {
            const response = await reader.get(`${variant}${query}`);
            if (response.statusCode < 300) reached += 1;
            if (response.headers['content-type']?.toString().includes('pdf'))
              scan(`${variant} (PDF)`, pdfToText(response.rawPayload));
            else if (response.headers['content-type']?.toString().includes('officedocument'))
              scan(`${variant} (Word)`, await docxText(response.rawPayload));
            else scan(`${variant}${query}`, response.body);
          }
        }
      }
      assert.ok(reached > 20, `the reader reached ${reached} responses`);
      assert.deepEqual(leaks, [], 'internal items a reader received');
    });

    async function collectIdsOfA() {
      const base = `/api/events/${t.eventId}`;
      const first = async (url: string) =>
        String((await admin.get(url)).json().items?.[0]?.id ?? 999999);
      Object.assign(idsOfA, {
        decisionId: await first(`${base}/decisions`),
        actionId: await first(`${base}/actions`),
        riskId: await first(`${base}/risks`),
        entryId: await first(`${base}/log`),
        activityId: await first(`${base}/communication/activities`),
        mediaPictureId: await first(`${base}/communication/media`),
        spokespersonId: await first(`${base}/communication/spokespersons`),
        situationId: await first(`${base}/situations`),
        figureId: await first(`${base}/figures`),
        diversionId: await first(`${base}/diversions`),
        templateId: await first(`${base}/templates`),
        reportId: await first(`${base}/reports`),
        grantId: await first(`${base}/grants`),
        listId: '1',
        unitId: String(unitId),
        period: currentPeriodKey(),
        number: '1',
        file: 'rapport.md',
      });
      const report = (await admin.get(`${base}/reports/${idsOfA.reportId}`)).json();
      idsOfA.sectionId = String(report.sections?.[0]?.id ?? 999999);
    }

    function fill(url: string, eventId: number): string {
      return url
        .replace(':eventId', String(eventId))
        .replace(/:(\w+)/g, (_, name: string) => idsOfA[name] ?? '999999');
    }

    /** The URL with A's ids; for downloads, every file. */
    function variants(url: string): string[] {
      const filled = fill(url, t.eventId);
      if (!url.includes(':file')) return [filled];
      return ['rapport.pdf', 'rapport.docx', 'rapport.md'].map((file) =>
        filled.replace(/rapport\.md$/, file),
      );
    }

    function leaksA(body: string): boolean {
      return /Millennium|HEMLIG-|Södra Älvsborg/.test(body);
    }
  });
}

async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}
