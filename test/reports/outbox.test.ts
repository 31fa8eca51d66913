import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { failedDelivery } from '../support/deliveries.ts';

for (const dialect of testDialects()) {
  describe(`the outbox and resending on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

    it('says whether a mail server is configured', async () => {
      const staff = await t.login(demoPeople.staff);
      assert.deepEqual((await staff.get('/api/mail-status')).json(), { configured: false });
      const configured = await startTestApp(dialect, { SMTP_URL: 'smtp://relay.example.se:25' });
      try {
        const client = await configured.login(demoPeople.staff);
        assert.deepEqual((await client.get('/api/mail-status')).json(), { configured: true });
      } finally {
        await configured.close();
      }
    });

    it('lists failed e-mails with their error, and sends one again', async () => {
      const admin = await t.login(adminEmail);
      const { reportId, deliveryId } = await failedDelivery(
        t.database.db,
        t.eventId,
        'kommunen@example.se',
        '550 5.1.1 Mailbox unavailable',
      );
      const failed = (await admin.get(`/api/events/${t.eventId}/outbox?state=failed`)).json();
      assert.equal(failed.total, 1);
      assert.equal(failed.items[0].email, 'kommunen@example.se');
      assert.equal(failed.items[0].lastError, '550 5.1.1 Mailbox unavailable');
      assert.equal(failed.items[0].reportId, reportId);
      assert.ok(failed.items[0].reportTitle.length > 0);
      assert.equal((await admin.get(`/api/events/${t.eventId}/outbox?state=sent`)).json().total, 0);

      const resent = await admin.post(`/api/events/${t.eventId}/deliveries/${deliveryId}/resend`);
      assert.equal(resent.statusCode, 200, resent.body);
      assert.equal(resent.json().state, 'pending');
      assert.equal(resent.json().attempts, 0);
      const ofReport = (
        await admin.get(`/api/events/${t.eventId}/reports/${reportId}/deliveries`)
      ).json().items;
      assert.deepEqual(
        ofReport.map((delivery: { id: number; state: string }) => [delivery.id, delivery.state]),
        [[deliveryId, 'pending']],
      );

      const again = await admin.post(`/api/events/${t.eventId}/deliveries/${deliveryId}/resend`);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().message, 'E-posten väntar redan på att skickas.');
      const elsewhere = await admin.post(
        `/api/events/${t.liveEventId}/deliveries/${deliveryId}/resend`,
      );
      assert.equal(elsewhere.statusCode, 404);
    });
  });
}
