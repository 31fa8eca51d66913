import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodOf } from '../../src/core/time.ts';
import { raiseAlerts } from '../../src/server/alerts/service.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const hour = 60 * 60 * 1000;

interface Seen {
  kind: string;
  text: string;
  link: string;
  email: string;
  sms: string;
}

for (const dialect of testDialects()) {
  describe(`alerts on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    let reader: Client;
    let sara: Client;
    let facilityId: number;
    let sasId: number;
    const url = (path: string) => `/api/events/${t.eventId}${path}`;
    const raise = () => raiseAlerts(t.database.db, new Date(), 0);

    /** The client's alerts, oldest first, without ids and times. */
    async function alertsOf(client: Client): Promise<Seen[]> {
      const response = await client.get('/api/me/alerts');
      assert.equal(response.statusCode, 200, response.body);
      return response
        .json()
        .items.reverse()
        .map(({ kind, text, link, email, sms }: Seen) => ({ kind, text, link, email, sms }));
    }

    /** The client's alerts of one kind, oldest first, by their text. */
    async function textsOf(client: Client, kind: string): Promise<string[]> {
      return (await alertsOf(client)).filter((seen) => seen.kind === kind).map((seen) => seen.text);
    }

    /** Saves and submits the unit's situation for the period with the overall status. */
    async function submitStatus(period: string, overallStatus: string) {
      const situationUrl = url(`/units/${sasId}/situations/${period}`);
      const saved = await sara.request('PUT', situationUrl, {
        overallStatus,
        prognosis: 'unchanged',
        bullets: '- Läget följs.',
      });
      assert.ok(saved.statusCode < 300, saved.body);
      const submitted = await sara.post(`${situationUrl}/submit`, {
        version: saved.json().version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
    }

    /** Staff start a diversion at the facility now; answers the response that created it. */
    async function startDiversion(details: { categories: string[]; internal?: boolean }) {
      const created = await staff.post(url('/diversions'), {
        facilityId,
        redirectedTo: 'Akutmottagningen Borås',
        startsAt: new Date().toISOString(),
        ...details,
      });
      assert.equal(created.statusCode, 201, created.body);
      return created;
    }

    async function choose(client: Client, items: { kind: string; email?: boolean }[]) {
      const body = { items: items.map((item) => ({ email: false, sms: false, ...item })) };
      const response = await client.request('PUT', '/api/me/alert-choices', body);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    }

    before(async () => {
      t = await startTestApp(dialect);
      const admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
      reader = await t.login(demoPeople.reader);
      sara = await t.login(demoPeople.reporterSas);
      const facilities = (await admin.get('/api/facilities')).json().items;
      facilityId = facilities.find((place: { code: string }) => place.code === 'SÄS-AKM-SKENE').id;
      const units = (await admin.get('/api/units')).json().items;
      sasId = units.find((unit: { code: string }) => unit.code === 'SÄS').id;
      await raise();
    });
    after(() => t.close());

    it("keeps each user's choices, and offers no SMS without a gateway", async () => {
      const saved = await choose(reader, [{ kind: 'diversion' }]);
      assert.deepEqual(saved, {
        items: [{ kind: 'diversion', email: false, sms: false }],
        smsAvailable: false,
      });
      assert.deepEqual((await reader.get('/api/me/alert-choices')).json(), saved);
      await choose(staff, [{ kind: 'diversion' }, { kind: 'approval_waiting' }]);
      await choose(approver, [{ kind: 'approval_waiting', email: true }]);
      await choose(sara, [{ kind: 'worst_status' }, { kind: 'deadline_near' }]);
      const refused = await reader.request('PUT', '/api/me/alert-choices', {
        items: [{ kind: 'alarm', email: false, sms: false }],
      });
      assert.equal(refused.statusCode, 400);
    });

    it('alerts those who chose it when a diversion starts and ends; an internal one only staff', async () => {
      const created = await startDiversion({ categories: ['ambulance'] });
      const ended = await staff.post(url(`/diversions/${created.json().id}/end`), {
        version: created.json().version,
      });
      assert.equal(ended.statusCode, 200, ended.body);
      await startDiversion({ categories: ['walk_in'], internal: true });
      assert.equal(await raise(), 5);
      assert.equal(await raise(), 0, 'each write alerts once');

      const place = 'Närakuten Skene';
      const diversion = (text: string) => ({
        kind: 'diversion',
        text,
        link: url('/diversions').replace('/api', ''),
        email: 'none',
        sms: 'none',
      });
      assert.deepEqual(await alertsOf(reader), [
        diversion(`Omstyrning börjar: ${place}`),
        diversion(`Omstyrning upphör: ${place}`),
      ]);
      assert.deepEqual(await alertsOf(staff), [
        diversion(`Omstyrning börjar: ${place}`),
        diversion(`Omstyrning upphör: ${place}`),
        diversion(`Omstyrning börjar: ${place}`),
      ]);
      assert.deepEqual(await alertsOf(approver), []);
    });

    it('alerts the approvers when a report waits for approval, by e-mail when they chose it', async () => {
      const draft = (await staff.post(url('/reports'), { kind: 'extra' })).json();
      const submitted = await staff.post(url(`/reports/${draft.id}/submit`), {
        version: draft.version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      await raise();
      assert.deepEqual(await alertsOf(approver), [
        {
          kind: 'approval_waiting',
          text: `Rapporten ${draft.title} väntar på godkännande`,
          link: `/events/${t.eventId}/reports/${draft.id}`,
          email: 'pending',
          sms: 'none',
        },
      ]);
      assert.equal((await alertsOf(staff)).length, 3, 'staff may not approve');
    });

    it("alerts a unit's reporter of a near deadline and when a unit reports the worst level", async () => {
      const period = periodOf(new Date(Date.now() + 7 * 24 * hour), 'week').key;
      const deadline = new Date(Date.now() + hour).toISOString();
      const request = await staff.post(url('/input-requests'), {
        period,
        deadline,
        unitIds: [sasId],
      });
      assert.equal(request.statusCode, 201, request.body);
      const situationUrl = url(`/units/${sasId}/situations/${period}`);
      const saved = await sara.request('PUT', situationUrl, {
        overallStatus: 'red',
        prognosis: 'worsening',
        bullets: '- Fullt.',
      });
      assert.equal(saved.statusCode, 201, saved.body);
      await raise();
      const deadlineAlert = (await alertsOf(sara))[0]!;
      assert.equal(deadlineAlert.kind, 'deadline_near');
      assert.match(
        deadlineAlert.text,
        /^Lägesbilden för Södra Älvsborgs Sjukhus, .* ska lämnas senast /,
      );
      assert.equal(
        deadlineAlert.link,
        `/events/${t.eventId}/report?unit=${sasId}&period=${period}`,
      );

      const submitted = await sara.post(`${situationUrl}/submit`, {
        version: saved.json().version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      await raise();
      assert.deepEqual((await alertsOf(sara)).slice(1), [
        {
          kind: 'worst_status',
          text: `Södra Älvsborgs Sjukhus rapporterar läget Allvarligt för ${period}`,
          link: `/events/${t.eventId}`,
          email: 'none',
          sms: 'none',
        },
      ]);
    });

    it('alerts on the worst level only when the status turns to it, not while it stays there', async () => {
      const week = (weeks: number) =>
        periodOf(new Date(Date.now() + weeks * 7 * 24 * hour), 'week').key;
      await submitStatus(week(2), 'red');
      await raise();
      assert.equal((await textsOf(sara, 'worst_status')).length, 1, 'red after red: no alert');
      await submitStatus(week(3), 'yellow');
      await submitStatus(week(4), 'red');
      await raise();
      assert.deepEqual((await textsOf(sara, 'worst_status')).slice(1), [
        `Södra Älvsborgs Sjukhus rapporterar läget Allvarligt för ${week(4)}`,
      ]);
    });

    it("alerts when a key figure passes one of its lines compared with the place's previous value", async () => {
      await choose(reader, [{ kind: 'diversion' }, { kind: 'figure_threshold' }]);
      await choose(staff, [
        { kind: 'diversion' },
        { kind: 'approval_waiting' },
        { kind: 'figure_threshold' },
      ]);
      const figure = await staff.post(url('/figures'), {
        key: 'vardplatsbelaggning',
        name: 'Vårdplatsbeläggning',
        unitOfMeasure: '%',
        yellowThreshold: 90,
        redThreshold: 95,
      });
      assert.equal(figure.statusCode, 201, figure.body);
      const ago = (hours: number) => new Date(Date.now() - hours * hour).toISOString();
      const observe = async (value: number, hours: number, more: object = {}) => {
        const stored = await staff.post(url(`/figures/${figure.json().id}/observations`), {
          value,
          observedAt: ago(hours),
          unitId: sasId,
          ...more,
        });
        assert.equal(stored.statusCode, 201, stored.body);
      };
      await observe(85, 7);
      await observe(99, 7, { unitId: null });
      await observe(88, 6);
      await observe(92, 5);
      await observe(93, 4);
      await observe(80, 3);
      const pushed = await staff.post(url('/figures/push'), {
        observations: [
          {
            clientKey: 'sas-1',
            figure: 'vardplatsbelaggning',
            value: 96,
            observedAt: ago(2),
            unit: 'SÄS',
          },
        ],
      });
      assert.equal(pushed.statusCode, 200, pushed.body);
      await observe(50, 1, { internal: true });
      assert.equal(await raise(), 7, 'three alerts for the reader, four for staff');
      assert.equal(await raise(), 0);

      const sas = 'Vårdplatsbeläggning för Södra Älvsborgs Sjukhus';
      const pct = (value: number) => `${value}\u00a0%`;
      const seen = [
        `${sas} steg från ${pct(88)} till ${pct(92)}, förbi gränsen för Påverkat ${pct(90)}`,
        `${sas} sjönk från ${pct(93)} till ${pct(80)}, förbi gränsen för Påverkat ${pct(90)}`,
        `${sas} steg från ${pct(80)} till ${pct(96)}, förbi gränsen för Påverkat ${pct(90)} och gränsen för Allvarligt ${pct(95)}`,
      ];
      assert.deepEqual(await textsOf(reader, 'figure_threshold'), seen);
      assert.deepEqual(await textsOf(staff, 'figure_threshold'), [
        ...seen,
        `${sas} sjönk från ${pct(96)} till ${pct(50)}, förbi gränsen för Allvarligt ${pct(95)} och gränsen för Påverkat ${pct(90)}`,
      ]);
      const link = (await alertsOf(reader)).find((item) => item.kind === 'figure_threshold')!.link;
      assert.equal(link, `/events/${t.eventId}/figures`);
    });

    it("words the alerts in the event's language", async () => {
      await t.database.db
        .updateTable('events')
        .set({ language: 'en' })
        .where('id', '=', t.eventId)
        .execute();
      await startDiversion({ categories: ['ambulance'] });
      const figure = await staff.post(url('/figures'), {
        key: 'iva-belaggning',
        name: 'ICU occupancy',
        unitOfMeasure: '%',
        yellowThreshold: 85.5,
      });
      assert.equal(figure.statusCode, 201, figure.body);
      for (const [value, hours] of [
        [80, 3],
        [1250.5, 2],
      ]) {
        const stored = await staff.post(url(`/figures/${figure.json().id}/observations`), {
          value,
          observedAt: new Date(Date.now() - hours! * hour).toISOString(),
          unitId: sasId,
        });
        assert.equal(stored.statusCode, 201, stored.body);
      }
      await raise();

      assert.deepEqual(
        (await textsOf(reader, 'diversion')).at(-1),
        'Diversion starts: Närakuten Skene',
      );
      assert.deepEqual(
        (await textsOf(reader, 'figure_threshold')).at(-1),
        'ICU occupancy for Södra Älvsborgs Sjukhus rose from 80\u00a0% to 1,250.5\u00a0%, past the threshold for Affected 85.5\u00a0%',
      );
    });
  });
}
