import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatDateTime } from '../../src/core/time.ts';
import { type Mailer, createMailer } from '../../src/server/mail/mailer.ts';
import { sendDueReminders } from '../../src/server/situations/reminders.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { decodeQuotedPrintable, startSmtpServer } from '../support/smtp.ts';

const reporterRh = 'lena.strom@lagesbild.local';

const draft = {
  overallStatus: 'yellow',
  areas: { accessToCare: 'red', patientSafety: 'yellow', staff: 'yellow', itProgramme: null },
  prognosis: 'unchanged',
  bullets: '- Hög beläggning på medicinkliniken.\n- **Ingen** planerad vård.',
  keyFigures: [{ name: 'Beläggningsgrad', value: 104, unit: '%' }],
};

for (const dialect of testDialects()) {
  describe(`unit situations and input requests on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let sasReporter: Client;
    let unitIds: Map<string, number>;
    const situationUrl = (code: string, period: string) =>
      `/api/events/${t.eventId}/units/${unitIds.get(code)}/situations/${period}`;
    const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body);
    const getSituation = async (id: number, client: Client = staff) =>
      (await client.get(`/api/events/${t.eventId}/situations/${id}`)).json();

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      sasReporter = await t.login(demoPeople.reporterSas);
      const units = (await (await t.login(adminEmail)).get('/api/units')).json().items;
      unitIds = new Map(units.map((unit: { code: string; id: number }) => [unit.code, unit.id]));
    });
    after(() => t.close());

    it('lets a unit reporter write their own unit and not another', async () => {
      const other = await put(sasReporter, situationUrl('NH', '2024-W48'), draft);
      assert.equal(other.statusCode, 403);
      const own = await put(sasReporter, situationUrl('SÄS', '2024-W48'), draft);
      assert.equal(own.statusCode, 201, own.body);
      assert.equal(own.json().state, 'draft');
      assert.equal(own.json().areas.accessToCare, 'red');
      assert.equal(own.json().areas.communication, null);
      assert.equal(own.json().bullets, draft.bullets);
      assert.deepEqual(own.json().keyFigures, draft.keyFigures);
      assert.equal(own.json().provenance.createdBy, own.json().provenance.updatedBy);
      const nh = await staff.get(`/api/events/${t.eventId}/situations`, {
        query: { unitId: String(unitIds.get('NH')), period: '2024-W48' },
      });
      assert.equal(nh.json().total, 0);
    });

    it('refuses a stale update with 409 and keeps the stored text', async () => {
      const url = situationUrl('SÄS', '2024-W49');
      const created = (await put(sasReporter, url, draft)).json();
      const first = await put(sasReporter, url, {
        ...draft,
        version: created.version,
        bullets: '- Första ändringen.',
      });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await put(sasReporter, url, {
        ...draft,
        version: created.version,
        bullets: '- Skriver över med gammal version.',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.bullets, '- Första ändringen.');
      const stored = await getSituation(created.id);
      assert.equal(stored.bullets, '- Första ändringen.');
      assert.equal(stored.version, created.version + 1);
      const withoutVersion = await put(sasReporter, url, draft);
      assert.equal(withoutVersion.statusCode, 400);
      assert.equal(withoutVersion.json().details.field, 'version');
    });

    it('keeps every submitted version through return and resubmission', async () => {
      const url = situationUrl('SÄS', '2024-W50');
      const created = (await put(sasReporter, url, draft)).json();
      const submitted = await sasReporter.post(`${url}/submit`, { version: created.version });
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal(submitted.json().state, 'submitted');
      assert.ok(submitted.json().submittedAt);
      const locked = await put(sasReporter, url, { ...draft, version: submitted.json().version });
      assert.equal(locked.statusCode, 409);
      assert.equal(locked.json().error, 'wrong_state');
      assert.equal(locked.json().details.current.state, 'submitted');

      const reviewUrl = `/api/events/${t.eventId}/situations/${created.id}`;
      const noComment = await staff.post(`${reviewUrl}/return`, {
        version: submitted.json().version,
      });
      assert.equal(noComment.statusCode, 400);
      assert.equal(noComment.json().details.fields[0].field, 'comment');
      const blank = await staff.post(`${reviewUrl}/return`, {
        version: submitted.json().version,
        comment: '   ',
      });
      assert.equal(blank.statusCode, 400);
      assert.equal(blank.json().details.fields[0].field, 'comment');
      assert.equal((await getSituation(created.id)).state, 'submitted');

      const returned = await staff.post(`${reviewUrl}/return`, {
        version: submitted.json().version,
        comment: 'Beskriv hur behörighetsarbetet går.',
      });
      assert.equal(returned.statusCode, 200, returned.body);
      assert.equal(returned.json().state, 'returned');
      assert.equal(returned.json().returnComment, 'Beskriv hur behörighetsarbetet går.');

      const edited = await put(sasReporter, url, {
        ...draft,
        version: returned.json().version,
        bullets: '- Behörighetsmatchningen är klar till hälften.',
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const resubmitted = await sasReporter.post(`${url}/submit`, {
        version: edited.json().version,
      });
      assert.equal(resubmitted.statusCode, 200, resubmitted.body);
      const accepted = await staff.post(`${reviewUrl}/accept`, {
        version: resubmitted.json().version,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().state, 'accepted');

      const stored = await getSituation(created.id);
      assert.equal(stored.versions.length, 2);
      assert.deepEqual(
        stored.versions.map((version: { number: number; bullets: string }) => [
          version.number,
          version.bullets,
        ]),
        [
          [1, draft.bullets],
          [2, '- Behörighetsmatchningen är klar till hälften.'],
        ],
      );
      const search = await t.database.db
        .selectFrom('search_documents')
        .select('body')
        .where('kind', '=', 'unit_situation')
        .where('entity_id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.match(search.body, /Behörighetsmatchningen/);
    });

    it('will not submit without an overall status, naming the field', async () => {
      const url = situationUrl('SÄS', '2024-W51');
      const created = (await put(sasReporter, url, { bullets: '- Utkast.' })).json();
      const refused = await sasReporter.post(`${url}/submit`, { version: created.version });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().details.field, 'overallStatus');
      assert.equal((await getSituation(created.id)).state, 'draft');
    });

    it('rejects a period of the wrong granularity or one that does not exist', async () => {
      const day = await put(sasReporter, situationUrl('SÄS', '2024-11-05'), draft);
      assert.equal(day.statusCode, 400);
      assert.equal(day.json().details.field, 'period');
      const noSuchWeek = await put(sasReporter, situationUrl('SÄS', '2024-W53'), draft);
      assert.equal(noSuchWeek.statusCode, 400);
      // A period that does not exist is refused by the request schema (src/contract/list.ts).
      assert.equal(noSuchWeek.json().details.fields[0].field, 'period');
      const request = await staff.post(`/api/events/${t.eventId}/input-requests`, {
        period: '2024-11-05',
        deadline: '2024-11-05T11:00:00Z',
        unitIds: [unitIds.get('SÄS')],
      });
      assert.equal(request.statusCode, 400);
      assert.equal(request.json().details.field, 'period');
      const completeness = await staff.get(`/api/events/${t.eventId}/completeness`, {
        query: { period: '2024-11-05' },
      });
      assert.equal(completeness.statusCode, 400);
      assert.equal(completeness.json().details.field, 'period');
    });

    it('never shows a reader an internal situation', async () => {
      const url = situationUrl('RLM', '2024-W47');
      const created = await put(staff, url, {
        ...draft,
        internal: true,
        bullets: '- Personalärende som inte ska spridas.',
      });
      assert.equal(created.statusCode, 201, created.body);
      await staff.post(`${url}/submit`, { version: created.json().version });
      const id = created.json().id;
      const listed = await reader.get(`/api/events/${t.eventId}/situations`, {
        query: { period: '2024-W47', limit: '500' },
      });
      assert.equal(listed.statusCode, 200);
      assert.ok(!listed.json().items.some((item: { id: number }) => item.id === id));
      assert.ok(!listed.body.includes('Personalärende'));
      const single = await reader.get(`/api/events/${t.eventId}/situations/${id}`);
      assert.equal(single.statusCode, 404);
      const prefill = await reader.get(`${situationUrl('RLM', '2024-W48')}/prefill`);
      assert.equal(prefill.json().situation, null);
      const staffList = await staff.get(`/api/events/${t.eventId}/situations`, {
        query: { period: '2024-W47', limit: '500' },
      });
      assert.ok(staffList.json().items.some((item: { id: number }) => item.id === id));
    });

    it('prefills from the unit’s situation of the period before', async () => {
      const prefill = await sasReporter.get(`${situationUrl('SÄS', '2024-W47')}/prefill`);
      assert.equal(prefill.statusCode, 200, prefill.body);
      assert.equal(prefill.json().situation.period, '2024-W46');
      assert.equal(prefill.json().situation.overallStatus, 'red');
      const none = await sasReporter.get(`${situationUrl('SÄS', '2024-W40')}/prefill`);
      assert.equal(none.json().situation, null);
    });

    it('lists the demo situations by period, unit and state, paginated', async () => {
      const w45 = await reader.get(`/api/events/${t.eventId}/situations`, {
        query: { period: '2024-W45' },
      });
      assert.equal(w45.json().total, 3);
      assert.deepEqual(
        w45
          .json()
          .items.map((item: { unit: { code: string } }) => item.unit.code)
          .sort(),
        ['NH', 'RH', 'SÄS'],
      );
      const sas = w45
        .json()
        .items.find((item: { unit: { code: string } }) => item.unit.code === 'SÄS');
      assert.equal((await getSituation(sas.id, reader)).versions.length, 2);
      const page = await reader.get(`/api/events/${t.eventId}/situations`, {
        query: { unitId: String(unitIds.get('NH')), state: 'accepted', limit: '1', offset: '1' },
      });
      assert.equal(page.json().total, 2);
      assert.equal(page.json().items.length, 1);
      assert.equal(page.json().limit, 1);
    });

    it('counts completeness and flags units late after the deadline', async () => {
      const w47 = (
        await reader.get(`/api/events/${t.eventId}/completeness`, { query: { period: '2024-W47' } })
      ).json();
      assert.equal(w47.expected, 3);
      assert.equal(w47.reported, 2);
      assert.equal(w47.deadline, '2024-11-21T11:00:00.000Z');
      const nh = w47.units.find((unit: { code: string }) => unit.code === 'NH');
      assert.deepEqual(
        { state: nh.state, late: nh.late, submittedAt: nh.submittedAt },
        { state: 'missing', late: true, submittedAt: null },
      );
      assert.equal(w47.units.find((unit: { code: string }) => unit.code === 'SÄS').late, false);

      const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const created = await staff.post(`/api/events/${t.eventId}/input-requests`, {
        period: '2024-W52',
        deadline,
        unitIds: [unitIds.get('SÄS'), unitIds.get('NH'), unitIds.get('RH')],
      });
      assert.equal(created.statusCode, 201, created.body);
      const url = situationUrl('SÄS', '2024-W52');
      const sas = (await put(sasReporter, url, draft)).json();
      await sasReporter.post(`${url}/submit`, { version: sas.version });
      const rh = await t.login(reporterRh);
      await put(rh, situationUrl('RH', '2024-W52'), draft);
      const w52 = (
        await staff.get(`/api/events/${t.eventId}/completeness`, { query: { period: '2024-W52' } })
      ).json();
      assert.equal(w52.expected, 3);
      assert.equal(w52.reported, 1);
      const states = Object.fromEntries(
        w52.units.map((unit: { code: string; state: string; late: boolean }) => [
          unit.code,
          [unit.state, unit.late],
        ]),
      );
      assert.deepEqual(states, {
        NH: ['missing', false],
        RH: ['draft', false],
        SÄS: ['submitted', false],
      });
      const duplicate = await staff.post(`/api/events/${t.eventId}/input-requests`, {
        period: '2024-W52',
        deadline,
        unitIds: [unitIds.get('SÄS')],
      });
      assert.equal(duplicate.statusCode, 400);
      assert.equal(duplicate.json().details.field, 'period');
      const listed = await reader.get(`/api/events/${t.eventId}/input-requests`);
      assert.equal(listed.json().total, 5);
    });

    describe('e-mail reminders before the deadline', () => {
      let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
      let mailer: Mailer;
      before(async () => {
        smtp = await startSmtpServer();
        mailer = createMailer(smtp.url);
      });
      after(async () => {
        mailer.close();
        await smtp.close();
      });

      it('mails the reporters of each unit that has not reported, once', async () => {
        const admin = await t.login(adminEmail);
        const extra = await admin.post('/api/users', {
          email: 'extra.rapportor@lagesbild.local',
          name: 'Extra Rapportör',
          password: 'Ett-långt-lösenord-för-test',
        });
        await admin.post(`/api/events/${t.eventId}/grants`, {
          userId: extra.json().id,
          role: 'unit_reporter',
          unitId: unitIds.get('SÄS'),
        });
        const now = new Date();
        const deadline = new Date(now.getTime() + 12 * 3_600_000);
        deadline.setUTCSeconds(0, 0);
        const units = ['SÄS', 'NH', 'RH', 'RLM'].map((code) => unitIds.get(code));
        const soon = await staff.post(`/api/events/${t.eventId}/input-requests`, {
          period: '2025-W02',
          deadline: deadline.toISOString(),
          unitIds: units,
        });
        assert.equal(soon.statusCode, 201, soon.body);
        const later = await staff.post(`/api/events/${t.eventId}/input-requests`, {
          period: '2025-W03',
          deadline: new Date(now.getTime() + 30 * 3_600_000).toISOString(),
          unitIds: units,
        });
        assert.equal(later.statusCode, 201, later.body);
        const rh = await t.login(reporterRh);
        const rhUrl = situationUrl('RH', '2025-W02');
        const rhDraft = (await put(rh, rhUrl, draft)).json();
        await rh.post(`${rhUrl}/submit`, { version: rhDraft.version });
        await put(sasReporter, situationUrl('SÄS', '2025-W02'), draft);

        const sent = await sendDueReminders(t.database.db, mailer, now);
        assert.equal(sent, 2);
        assert.deepEqual(smtp.received.map((mail) => mail.to).sort(), [
          [demoPeople.reporterNh],
          ['extra.rapportor@lagesbild.local', demoPeople.reporterSas],
        ]);
        const text = decodeQuotedPrintable(smtp.received[0]!.raw);
        assert.match(text, /vecka 2 2025/);
        assert.ok(text.includes(formatDateTime(deadline)), text);

        const again = await sendDueReminders(
          t.database.db,
          mailer,
          new Date(now.getTime() + 60_000),
        );
        assert.equal(again, 0);
        assert.equal(smtp.received.length, 2);
        const listed = (
          await staff.get(`/api/events/${t.eventId}/input-requests`, {
            query: { period: '2025-W02' },
          })
        ).json();
        const reminded = listed.items[0].units
          .filter((unit: { remindedAt: string | null }) => unit.remindedAt !== null)
          .map((unit: { code: string }) => unit.code)
          .sort();
        assert.deepEqual(reminded, ['NH', 'SÄS']);
      });
    });
  });
}
