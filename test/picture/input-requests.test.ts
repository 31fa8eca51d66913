import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import {
  Client,
  type TestApp,
  adminEmail,
  demoPassword,
  demoPeople,
  sessionCookieOf,
  startTestApp,
  testAppConfig,
} from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { decodeQuotedPrintable, startSmtpServer } from '../support/smtp.ts';

const draft = { overallStatus: 'yellow', prognosis: 'unchanged', bullets: '- Ansträngt läge.' };
const hourMs = 3_600_000;

interface RequestedUnit {
  code: string;
  remindedAt: string | null;
}

for (const dialect of testDialects()) {
  describe(`changing and reminding input requests on ${dialect}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let staff: Client;
    let unitIds: Map<string, number>;
    const requestsUrl = () => `/api/events/${t.eventId}/input-requests`;
    const createRequest = async (period: string) => {
      const response = await staff.post(requestsUrl(), {
        period,
        deadline: new Date(Date.now() + 48 * hourMs).toISOString(),
        unitIds: ['SÄS', 'NH', 'RH'].map((code) => unitIds.get(code)),
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };

    before(async () => {
      smtp = await startSmtpServer();
      t = await startTestApp(dialect, { SMTP_URL: smtp.url });
      staff = await t.login(demoPeople.staff);
      const units = (await (await t.login(adminEmail)).get('/api/units')).json().items;
      unitIds = new Map(units.map((unit: { code: string; id: number }) => [unit.code, unit.id]));
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    it('reminds now the reporters of each unit that has not reported, and says what it did', async () => {
      const request = await createRequest('2025-W05');
      const rh = await t.login('lena.strom@lagesbild.local');
      const rhUrl = `/api/events/${t.eventId}/units/${unitIds.get('RH')}/situations/2025-W05`;
      const rhDraft = (await rh.request('PUT', rhUrl, draft)).json();
      await rh.post(`${rhUrl}/submit`, { version: rhDraft.version });
      const status = await staff.get(`/api/events/${t.eventId}/reminder-status`);
      assert.deepEqual(status.json(), { mailConfigured: true, hoursBefore: 24 });

      const reminded = await staff.post(`${requestsUrl()}/${request.id}/reminders`);
      assert.equal(reminded.statusCode, 200, reminded.body);
      const outcomes = Object.fromEntries(
        reminded
          .json()
          .units.map((unit: { code: string; outcome: string; recipients: number }) => [
            unit.code,
            [unit.outcome, unit.recipients],
          ]),
      );
      assert.deepEqual(outcomes, { NH: ['sent', 1], RH: ['reported', 0], SÄS: ['sent', 1] });
      assert.deepEqual(smtp.received.map((mail) => mail.to).sort(), [
        [demoPeople.reporterNh],
        [demoPeople.reporterSas],
      ]);
      assert.match(decodeQuotedPrintable(smtp.received[0]!.raw), /vecka 5 2025/);
      const remindedCodes = reminded
        .json()
        .request.units.filter((unit: RequestedUnit) => unit.remindedAt !== null)
        .map((unit: RequestedUnit) => unit.code)
        .sort();
      assert.deepEqual(remindedCodes, ['NH', 'SÄS']);
      const reader = await t.login(demoPeople.reader);
      assert.equal((await reader.post(`${requestsUrl()}/${request.id}/reminders`)).statusCode, 403);
    });

    it('moves the deadline, forgets the reminders and refuses a stale change', async () => {
      const request = await createRequest('2025-W06');
      await staff.post(`${requestsUrl()}/${request.id}/reminders`);
      const deadline = new Date(Date.now() + 72 * hourMs);
      deadline.setUTCSeconds(0, 0);
      const moved = await staff.patch(`${requestsUrl()}/${request.id}`, {
        version: request.version,
        deadline: deadline.toISOString(),
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().deadline, deadline.toISOString());
      assert.equal(moved.json().version, request.version + 1);
      assert.ok(moved.json().units.every((unit: RequestedUnit) => unit.remindedAt === null));
      const completeness = await staff.get(`/api/events/${t.eventId}/completeness`, {
        query: { period: '2025-W06' },
      });
      assert.equal(completeness.json().deadline, deadline.toISOString());

      const stale = await staff.patch(`${requestsUrl()}/${request.id}`, {
        version: request.version,
        deadline: new Date(Date.now() + 96 * hourMs).toISOString(),
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.deadline, deadline.toISOString());
      const bad = await staff.patch(`${requestsUrl()}/${request.id}`, {
        version: moved.json().version,
        deadline: 'fredag',
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details.fields[0].field, 'deadline');
      const missing = await staff.patch(`${requestsUrl()}/999999`, {
        version: 1,
        deadline: deadline.toISOString(),
      });
      assert.equal(missing.statusCode, 404);
    });

    it('refuses to remind without a mail server, and says so', async () => {
      const request = await createRequest('2025-W07');
      const withoutMail = await buildApp(testAppConfig, t.database);
      try {
        const login = await withoutMail.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: demoPeople.staff, password: demoPassword },
        });
        const client = new Client(withoutMail, sessionCookieOf(login), login.json().csrfToken);
        const status = await client.get(`/api/events/${t.eventId}/reminder-status`);
        assert.equal(status.json().mailConfigured, false);
        const refused = await client.post(`${requestsUrl()}/${request.id}/reminders`);
        assert.equal(refused.statusCode, 409);
        assert.match(refused.json().message, /Ingen e-postserver/);
      } finally {
        await withoutMail.close();
      }
    });
  });
}
