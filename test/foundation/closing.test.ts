import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliverDue } from '../../src/server/distribution/outbox.ts';
import type { Mailer } from '../../src/server/mail/mailer.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface ChecklistItem {
  key: string;
  ok: boolean;
  missing: string | null;
}

const quietMailer: Mailer = { send: async () => undefined, close: () => undefined };

for (const dialect of testDialects()) {
  describe(`closing an event on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let approver: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
    });
    after(() => t.close());

    async function newEvent(name: string) {
      const event = (await admin.post('/api/events', { name })).json();
      const users = (await admin.get('/api/users')).json().items as { id: number; email: string }[];
      for (const [email, role] of [
        [demoPeople.staff, 'staff'],
        [demoPeople.approver, 'approver'],
      ] as const) {
        const userId = users.find((user) => user.email === email)!.id;
        await admin.post(`/api/events/${event.id}/grants`, { userId, role });
      }
      return event as { id: number; version: number };
    }

    async function checklist(eventId: number): Promise<ChecklistItem[]> {
      return (await staff.get(`/api/events/${eventId}/closing-checklist`)).json().items;
    }

    const failing = (items: ChecklistItem[]) =>
      items.filter((item) => !item.ok).map((item) => item.key);

    async function publishFinalReport(eventId: number) {
      await publishReport(eventId, { kind: 'final' });
    }

    async function publishReport(eventId: number, start: { kind: string; templateId?: number }) {
      const reports = `/api/events/${eventId}/reports`;
      const draft = (await staff.post(reports, start)).json();
      const submitted = (
        await staff.post(`${reports}/${draft.id}/submit`, { version: draft.version })
      ).json();
      const approved = (
        await approver.post(`${reports}/${draft.id}/approve`, { version: submitted.version })
      ).json();
      const published = await approver.post(`${reports}/${draft.id}/publish`, {
        version: approved.version,
      });
      assert.equal(published.statusCode, 200, published.body);
    }

    it('lists what is missing, refuses to close, and closes once every item is ok', async () => {
      const event = await newEvent('Avslut enligt lista');
      const action = (
        await staff.post(`/api/events/${event.id}/actions`, {
          text: 'Följ upp kvarvarande behörighetsärenden.',
          ownerName: 'Elin Bergström',
        })
      ).json();
      const raised = (
        await staff.post(`/api/events/${event.id}/readiness`, {
          version: 0,
          level: 'stabsläge',
          reason: 'Driftstarten kräver samordning.',
        })
      ).json();
      const items = await checklist(event.id);
      assert.deepEqual(failing(items), [
        'final_report',
        'actions_handed_over',
        'readiness_normal',
        'distribution_told',
      ]);
      assert.match(
        items.find((item) => item.key === 'actions_handed_over')!.missing!,
        /Följ upp kvarvarande behörighetsärenden/,
      );

      const refused = await admin.post(`/api/events/${event.id}/close`, { version: event.version });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error, 'checklist_incomplete');
      assert.deepEqual(
        refused.json().details.checklist.map((item: ChecklistItem) => item.key),
        failing(items),
      );
      assert.equal((await admin.get(`/api/events/${event.id}`)).json().state, 'active');

      await staff.patch(`/api/events/${event.id}/actions/${action.id}`, {
        version: action.version,
        handoverTo: 'Förvaltningschefen på SÄS',
      });
      await staff.post(`/api/events/${event.id}/readiness`, {
        version: raised.version,
        level: 'normal',
        reason: 'Läget är stabilt.',
      });
      await admin.post(`/api/events/${event.id}/distribution-lists`, {
        name: 'Ledning',
        audience: 'public',
        recipients: [{ email: 'ledning@example.se', name: 'Ledning' }],
      });
      await publishFinalReport(event.id);
      assert.deepEqual(failing(await checklist(event.id)), ['distribution_told']);
      const outbox = await deliverDue(t.database, quietMailer, { publicUrl: 'http://test' });
      assert.equal(outbox.sent, 1);
      assert.deepEqual(failing(await checklist(event.id)), []);

      const closed = await admin.post(`/api/events/${event.id}/close`, { version: event.version });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().state, 'closed');
    });

    it('asks for a final report in each series the event has published reports in', async () => {
      const event = await newEvent('Avslut med två serier');
      const daily = await admin.post(`/api/events/${event.id}/templates`, {
        name: 'Dygnsrapport',
        identity: {
          titlePattern: 'Dygnsrapport {number}',
          series: 'dygn',
          labels: { initial: 'Första', update: 'Nr {n}', final: 'Sista', extra: 'Extra' },
        },
        sections: [{ key: 'lage', title: 'Läget', kind: 'text' }],
      });
      assert.equal(daily.statusCode, 201, daily.body);
      const finalReportItem = async () =>
        (await checklist(event.id)).find((item) => item.key === 'final_report');

      await publishReport(event.id, { kind: 'regular', templateId: daily.json().id });
      await publishReport(event.id, { kind: 'regular' });
      assert.deepEqual(await finalReportItem(), {
        key: 'final_report',
        ok: false,
        missing: 'Serierna ”dygn” och ”main” har ingen publicerad slutrapport.',
      });
      await publishFinalReport(event.id);
      assert.deepEqual(await finalReportItem(), {
        key: 'final_report',
        ok: false,
        missing: 'Serien ”dygn” har ingen publicerad slutrapport.',
      });
      await publishReport(event.id, { kind: 'final', templateId: daily.json().id });
      assert.deepEqual(await finalReportItem(), { key: 'final_report', ok: true, missing: null });
    });

    it('closes with failing items only on an override with a reason, kept in the audit trail', async () => {
      const event = await newEvent('Avslut trots lista');
      const noReason = await admin.post(`/api/events/${event.id}/close`, {
        version: event.version,
        override: true,
      });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().details.field, 'reason');
      const closed = await admin.post(`/api/events/${event.id}/close`, {
        version: event.version,
        override: true,
        reason: 'Övningen avbröts; ingen slutrapport skrivs.',
      });
      assert.equal(closed.statusCode, 200, closed.body);
      const audit = (
        await admin.get(`/api/events/${event.id}/audit`, { query: { action: 'event.close' } })
      ).json().items;
      assert.equal(audit[0].after.override_reason, 'Övningen avbröts; ingen slutrapport skrivs.');
      assert.ok(audit[0].after.checklist.some((item: ChecklistItem) => !item.ok));
    });

    it('refuses writes to a closed event with 409 and changes nothing', async () => {
      const event = await newEvent('Arkiverad händelse');
      const base = `/api/events/${event.id}`;
      const milestone = (
        await staff.post(`${base}/milestones`, { title: 'Avveckling', plannedOn: '2024-11-26' })
      ).json();
      const action = (
        await staff.post(`${base}/actions`, { text: 'Lämna över loggboken.', ownerName: 'Oskar' })
      ).json();
      const closed = (
        await admin.post(`${base}/close`, {
          version: event.version,
          override: true,
          reason: 'Testet avslutar direkt.',
        })
      ).json();
      const lists = ['milestones', 'actions', 'decisions', 'log'];
      const snapshot = async () =>
        Promise.all(lists.map(async (list) => (await staff.get(`${base}/${list}`)).body));
      const rowsBefore = await snapshot();
      const writes = [
        staff.post(`${base}/milestones`, { title: 'Ny', plannedOn: '2025-01-01' }),
        staff.post(`${base}/milestones/${milestone.id}/move`, {
          version: milestone.version,
          plannedOn: '2025-01-10',
          reason: 'Flytt i arkivläge.',
        }),
        staff.patch(`${base}/actions/${action.id}`, { version: action.version, state: 'done' }),
        staff.post(`${base}/decisions`, {
          decidedAt: '2024-11-26T10:00:00Z',
          forum: 'Stabsmöte',
          text: 'Beslut efter avslut.',
        }),
        admin.patch(base, { version: closed.version, name: 'Nytt namn' }),
      ];
      for (const response of await Promise.all(writes)) {
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(response.json().error, 'event_closed');
        assert.equal(response.json().message, 'Händelsen är avslutad och kan bara läsas.');
      }
      assert.deepEqual(await snapshot(), rowsBefore);
      assert.equal((await admin.get(base)).json().version, closed.version);
    });

    it('reopens only for an admin giving a reason, and audits it', async () => {
      const event = await newEvent('Öppnas igen');
      const closed = (
        await admin.post(`/api/events/${event.id}/close`, {
          version: event.version,
          override: true,
          reason: 'Avslutas för test.',
        })
      ).json();
      const url = `/api/events/${event.id}/reopen`;
      const byStaff = await staff.post(url, { version: closed.version, reason: 'Vill skriva.' });
      assert.equal(byStaff.statusCode, 403);
      const noReason = await admin.post(url, { version: closed.version, reason: ' ' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().details.fields[0].field, 'reason');
      const reopened = await admin.post(url, {
        version: closed.version,
        reason: 'Efteranalysen behöver nya åtgärder.',
      });
      assert.equal(reopened.statusCode, 200, reopened.body);
      assert.equal(reopened.json().state, 'active');
      assert.equal(reopened.json().closedAt, null);
      const audit = (
        await admin.get(`/api/events/${event.id}/audit`, { query: { action: 'event.reopen' } })
      ).json().items;
      assert.equal(audit.length, 1);
      assert.equal(audit[0].after.reason, 'Efteranalysen behöver nya åtgärder.');
      const again = await admin.post(url, { version: reopened.json().version, reason: 'Igen.' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error, 'wrong_state');
    });
  });
}
