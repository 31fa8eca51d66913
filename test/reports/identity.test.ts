import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isoWeekOf } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const ZONE = 'Europe/Stockholm';

interface Summary {
  id: number;
  number: number;
  series: string;
  seriesNumber: number;
  title: string;
  version: number;
  kind: string;
}

const dailyIdentity = {
  titlePattern: '{template} nr {number} ({label}) – {event}, {date}, {week}, {year}, {kind}',
  series: 'daily',
  labels: { initial: 'Första', update: 'Uppdatering {n}', final: 'Sista', extra: 'Extrainsats' },
};

/** The day and week a report started now is named by, computed here without the code under test. */
function todayInStockholm() {
  const now = new Date();
  const date = new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(now);
  const year = Number(
    new Intl.DateTimeFormat('sv-SE', { year: 'numeric', timeZone: ZONE }).format(now),
  );
  const iso = isoWeekOf(now, ZONE);
  const week = iso.year === year ? `vecka ${iso.week}` : `vecka ${iso.week} ${iso.year}`;
  return { date, week, year };
}

for (const dialect of testDialects()) {
  describe(`report identity on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let eventId: number;
    let dailyTemplateId: number;
    const eventName = 'Identitetsprov';
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      const created = await admin.post('/api/events', { name: eventName, fourEyes: false });
      assert.equal(created.statusCode, 201, created.body);
      eventId = created.json().id;
    });
    after(() => t.close());

    const api = (path: string) => `/api/events/${eventId}${path}`;

    async function setLanguage(language: 'sv' | 'en'): Promise<void> {
      const changed = await t.database.db
        .updateTable('events')
        .set({ language })
        .where('id', '=', eventId)
        .executeTakeFirst();
      assert.equal(changed.numUpdatedRows, 1n);
    }

    async function start(body: Record<string, unknown>): Promise<Summary> {
      const started = await admin.post(api('/reports'), body);
      assert.equal(started.statusCode, 201, started.body);
      return started.json();
    }

    async function publish(report: Summary): Promise<void> {
      const url = api(`/reports/${report.id}`);
      const submitted = (await admin.post(`${url}/submit`, { version: report.version })).json();
      const approved = await admin.post(`${url}/approve`, { version: submitted.version });
      assert.equal(approved.statusCode, 200, approved.body);
      const published = await admin.post(`${url}/publish`, { version: approved.json().version });
      assert.equal(published.statusCode, 200, published.body);
    }

    async function sitRepVersion(number: number): Promise<string | undefined> {
      const xml = (await t.anonymous().get(`/r/${eventId}/${number}/sitrep.xml`)).body;
      return /<sr:reportVersion>([^<]+)</.exec(xml)?.[1];
    }

    it('names a report neutrally in the event’s language for a template without its own identity', async () => {
      await setLanguage('en');
      const english = (await admin.get(api('/templates'))).json().items;
      assert.deepEqual(english[0].identity, {
        titlePattern: 'Situation report {event}',
        series: 'main',
        labels: { initial: 'Initial', update: 'Update {n}', final: 'Final report', extra: 'Extra' },
      });
      await setLanguage('sv');
      const templates = (await admin.get(api('/templates'))).json().items;
      assert.deepEqual(templates[0].identity, {
        titlePattern: 'Lägesrapport {event}',
        series: 'main',
        labels: {
          initial: 'Initial',
          update: 'Uppdatering {n}',
          final: 'Slutrapport',
          extra: 'Extra',
        },
      });
      const report = await start({ kind: 'regular' });
      assert.deepEqual(
        [report.title, report.number, report.series, report.seriesNumber],
        [`Lägesrapport ${eventName}`, 1, 'main', 1],
      );
      await publish(report);
    });

    it('names a report from its template’s pattern, numbered in its own series', async () => {
      const created = await admin.post(api('/templates'), {
        name: 'Dygnsrapport',
        identity: dailyIdentity,
        sections: [{ key: 'lage', title: 'Läget', kind: 'text' }],
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().identity, dailyIdentity);
      dailyTemplateId = created.json().id;

      const { date, week, year } = todayInStockholm();
      const first = await start({ kind: 'regular', templateId: dailyTemplateId });
      assert.equal(
        first.title,
        `Dygnsrapport nr 1 (Första) – ${eventName}, ${date}, ${week}, ${year}, Ordinarie rapport`,
      );
      assert.deepEqual([first.number, first.series, first.seriesNumber], [2, 'daily', 1]);
      await publish(first);

      const second = await start({ kind: 'regular', templateId: dailyTemplateId });
      assert.equal(
        second.title,
        `Dygnsrapport nr 2 (Uppdatering 2) – ${eventName}, ${date}, ${week}, ${year}, Ordinarie rapport`,
      );
      await publish(second);
      const extra = await start({ kind: 'extra', templateId: dailyTemplateId });
      assert.equal(
        extra.title,
        `Dygnsrapport nr 3 (Extrainsats) – ${eventName}, ${date}, ${week}, ${year}, Extra rapport`,
      );
      await publish(extra);
      assert.deepEqual(
        [extra.number, extra.seriesNumber, (await start({ kind: 'extra' })).seriesNumber],
        [4, 3, 2],
      );
    });

    it('lists each series with its next number and lets the staff set it', async () => {
      const listed = await admin.get(api('/report-series'));
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(listed.json().items, [
        { series: 'daily', nextNumber: 4, lastNumber: 3, closedByFinal: false, version: null },
        { series: 'main', nextNumber: 3, lastNumber: 2, closedByFinal: false, version: null },
      ]);

      const used = await admin.request('PUT', api('/report-series/daily'), { nextNumber: 3 });
      assert.equal(used.statusCode, 409, used.body);
      assert.deepEqual(used.json().details, { field: 'nextNumber' });
      assert.equal(
        used.json().message,
        'Nummer 3 är redan använt i serien. Nästa nummer måste vara minst 4.',
      );
      const set = await admin.request('PUT', api('/report-series/daily'), { nextNumber: 10 });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(set.json(), {
        series: 'daily',
        nextNumber: 10,
        lastNumber: 3,
        closedByFinal: false,
        version: 1,
      });
      const stale = await admin.request('PUT', api('/report-series/daily'), { nextNumber: 12 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error, 'conflict');

      const tenth = await start({ kind: 'regular', templateId: dailyTemplateId });
      assert.equal(tenth.seriesNumber, 10);
      assert.match(tenth.title, /^Dygnsrapport nr 10 \(Uppdatering 10\) – /);
      const eleventh = await start({ kind: 'regular', templateId: dailyTemplateId });
      assert.equal(eleventh.seriesNumber, 11);
      assert.equal(
        (await admin.get(api('/report-series'))).json().items[0].nextNumber,
        12,
        'the set number is a floor: the series continues after it',
      );

      const bad = await admin.request('PUT', api('/report-series/Dygn!'), { nextNumber: 2 });
      assert.equal(bad.statusCode, 400, bad.body);
    });

    it('answers the admin who loses a race for the next number with a 409 beside the field', async () => {
      const [first, second] = await Promise.all([
        admin.request('PUT', api('/report-series/kvall'), { nextNumber: 5 }),
        admin.request('PUT', api('/report-series/kvall'), { nextNumber: 7 }),
      ]);
      const answers = [first, second].sort((a, b) => a.statusCode - b.statusCode);
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [200, 409],
        answers.map((answer) => answer.body).join('\n'),
      );
      const [won, lost] = answers as [typeof first, typeof first];
      const winner = won.json().nextNumber as number;
      assert.equal(lost.json().error, 'conflict');
      assert.equal(lost.json().details.field, 'nextNumber');
      assert.deepEqual(lost.json().details.current, won.json());
      assert.equal(
        lost.json().message,
        `Någon annan har ändrat nästa nummer i serien ”kvall” till ${winner} sedan du läste det. Ditt nummer sparades inte; ändra och spara igen om det ska vara ett annat.`,
      );
      const stale = await admin.request('PUT', api('/report-series/kvall'), { nextNumber: 9 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().details.field, 'nextNumber');
      assert.match(
        stale.json().message,
        /^Någon annan har ändrat nästa nummer i serien ”kvall” till/,
      );
    });

    it('refuses a regular report after the series’ final one unless it is reopened', async () => {
      const final = await start({ kind: 'final', templateId: dailyTemplateId });
      assert.match(final.title, /^Dygnsrapport nr 12 \(Sista\) – .*, Slutrapport$/);
      await publish(final);

      const refused = await admin.post(api('/reports'), {
        kind: 'regular',
        templateId: dailyTemplateId,
      });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.deepEqual(refused.json().details, { field: 'reopenSeries', closedBy: final.id });
      assert.equal(
        refused.json().message,
        `Serien är avslutad med slutrapporten ”${final.title}” (nr 12). Kryssa i ”Öppna serien igen” om en ny ordinarie rapport ändå ska skrivas.`,
      );
      assert.equal((await admin.get(api('/report-series'))).json().items[0].closedByFinal, true);
      const otherSeries = await start({ kind: 'regular' });
      assert.equal(otherSeries.series, 'main');

      const reopened = await start({
        kind: 'regular',
        templateId: dailyTemplateId,
        reopenSeries: true,
      });
      assert.equal(reopened.seriesNumber, 13);
      const audit = await t.database.db
        .selectFrom('audit_records')
        .select(['action', 'after_json'])
        .where('action', '=', 'report.reopen_series')
        .where('entity_id', '=', String(reopened.id))
        .execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(JSON.parse(audit[0]!.after_json!), {
        series: 'daily',
        closedByReportId: final.id,
      });
    });

    it('labels EDXL exports with the report’s place in its series', async () => {
      const reports = (await admin.get(api('/reports'))).json().items as Summary[];
      const byTitle = (pattern: RegExp) => reports.find((report) => pattern.test(report.title))!;
      assert.equal(await sitRepVersion(1), 'Initial', 'main series, report 1');
      assert.equal(await sitRepVersion(byTitle(/nr 1 \(Första\)/).number), 'Initial');
      assert.equal(await sitRepVersion(byTitle(/nr 2 \(Uppdatering 2\)/).number), 'Update');
      assert.equal(await sitRepVersion(byTitle(/nr 3 \(Extrainsats\)/).number), 'Update');
      assert.equal(await sitRepVersion(byTitle(/nr 12 \(Sista\)/).number), 'Final');
    });

    it('copies a template’s identity and carries it in the event’s set-up', async () => {
      const copied = await admin.post(api(`/templates/${dailyTemplateId}/copy`), {
        name: 'Dygnsrapport, kopia',
      });
      assert.equal(copied.statusCode, 201, copied.body);
      assert.deepEqual(copied.json().identity, dailyIdentity);
      const renamed = { ...dailyIdentity, series: 'vecka', titlePattern: 'Vecka {week}' };
      const other = await admin.post(api(`/templates/${dailyTemplateId}/copy`), {
        name: 'Veckorapport',
        identity: renamed,
      });
      assert.deepEqual(other.json().identity, renamed);

      const setup = (await admin.get(api('/setup/file'))).json();
      const identities = setup.reportTemplates.map(
        (template: { name: string; identity?: unknown }) => [template.name, template.identity],
      );
      assert.deepEqual(identities.slice(-3), [
        ['Dygnsrapport', dailyIdentity],
        ['Dygnsrapport, kopia', dailyIdentity],
        ['Veckorapport', renamed],
      ]);
      assert.ok(
        setup.reportTemplates
          .slice(0, -3)
          .every((template: object) => !Object.hasOwn(template, 'identity')),
        'a template on the default identity exports as before',
      );

      const copy = await admin.post('/api/events', {
        name: 'Identitetsprov 2',
        origin: { from: 'event', eventId },
      });
      assert.equal(copy.statusCode, 201, copy.body);
      const templates = (await admin.get(`/api/events/${copy.json().id}/templates`)).json().items;
      assert.deepEqual(
        templates.find((template: { name: string }) => template.name === 'Veckorapport').identity,
        renamed,
      );
    });

    it('letters the sections of a published report and counts the updates when the template says so', async () => {
      const statusIdentity = {
        titlePattern: 'Status {label}',
        series: 'status',
        labels: {
          initial: 'Initial',
          update: 'Uppdatering {update}',
          final: 'Slutrapport',
          extra: 'Extra',
        },
        sectionNumbering: 'letters',
      };
      const created = await admin.post(api('/templates'), {
        name: 'Statusrapport',
        identity: statusIdentity,
        sections: [
          { key: 'lage', title: 'Läget', kind: 'text', text: 'Lugnt.' },
          {
            key: 'drift',
            title: 'Driften',
            kind: 'text',
            text: 'Normal.',
            children: [{ key: 'el', title: 'El', kind: 'text', text: 'Reservkraft provad.' }],
          },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().identity, statusIdentity);
      const templateId = created.json().id;

      const first = await start({ kind: 'regular', templateId });
      await publish(first);
      const second = await start({ kind: 'regular', templateId });
      await publish(second);
      assert.deepEqual([first.title, second.title], ['Status Initial', 'Status Uppdatering 1']);
      const page = (await t.anonymous().get(`/r/${eventId}/${second.number}`)).body;
      const headings = [...page.matchAll(/<h[23] id="[^"]+">([^<]+)<\/h[23]>/g)].map(
        ([, text]) => text,
      );
      assert.deepEqual(headings, ['A. Läget', 'B. Driften', 'B.1 El']);
      const markdown = (await t.anonymous().get(`/r/${eventId}/${second.number}/rapport.md`)).body;
      assert.ok(markdown.includes('## A. Läget'), markdown);
    });
  });
}
