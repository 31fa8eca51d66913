import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../../src/server/db/database.ts';
import { deliverDue } from '../../src/server/distribution/outbox.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

for (const dialect of testDialects()) {
  describe(`report distribution on ${dialect}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      t = await startTestApp(dialect);
      smtp = await startSmtp();
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    async function publishNewReport(staff: Client, approver: Client) {
      const url = `/api/events/${t.eventId}/reports`;
      const draft = (await staff.post(url, { kind: 'extra' })).json();
      const submitted = (
        await staff.post(`${url}/${draft.id}/submit`, { version: draft.version })
      ).json();
      const approved = (
        await approver.post(`${url}/${draft.id}/approve`, { version: submitted.version })
      ).json();
      const published = await approver.post(`${url}/${draft.id}/publish`, {
        version: approved.version,
      });
      assert.equal(published.statusCode, 200, published.body);
      return published.json() as { id: number; number: number };
    }

    it('delivers exactly once after a crash between the outbox write and the send', async () => {
      const admin = await t.login(adminEmail);
      await admin.post(`/api/events/${t.eventId}/distribution-lists`, {
        name: 'Ledning',
        audience: 'public',
        recipients: [{ email: 'politiker@example.se', name: 'Politiker' }],
      });
      await admin.post(`/api/events/${t.eventId}/distribution-lists`, {
        name: 'Stab',
        audience: 'internal',
        recipients: [{ email: 'stabschef@example.se', name: 'Stabschef' }],
      });
      const staff = await t.login(demoPeople.staff);
      const approver = await t.login(demoPeople.approver);
      const recipients = (await staff.get(`/api/events/${t.eventId}/reports/1/recipients`)).json()
        .items;
      assert.equal(recipients.length, 2);
      const report = await publishNewReport(staff, approver);
      const pending = (
        await staff.get(`/api/events/${t.eventId}/reports/${report.id}/deliveries`)
      ).json().items;
      assert.deepEqual(
        pending.map((delivery: { state: string }) => delivery.state),
        ['pending', 'pending'],
      );

      // The process that published is gone before sending; a new one opens the same database.
      const restarted = openDatabase(t.databaseUrl);
      const mailer = createMailer(smtp.url);
      try {
        const first = await deliverDue(restarted, mailer, { publicUrl: 'http://lagesbild.test' });
        const second = await deliverDue(restarted, mailer, { publicUrl: 'http://lagesbild.test' });
        assert.equal(first.sent, 2);
        assert.equal(second.claimed, 0);
      } finally {
        mailer.close();
        await restarted.close();
      }
      const byRecipient = new Map(smtp.received.map((mail) => [mail.to[0], mail.raw]));
      assert.equal(smtp.received.length, 2);
      const publicMail = byRecipient.get('politiker@example.se')!;
      assert.match(publicMail, /Content-Type: application\/pdf/);
      assert.match(publicMail, /regional-rapport-\d+\.pdf/);
      assert.match(publicMail, new RegExp(`http://lagesbild.test/r/${t.eventId}/${report.number}`));
      assert.match(
        byRecipient.get('stabschef@example.se')!,
        new RegExp(`/r/${t.eventId}/${report.number}/intern`),
      );
      const delivered = (
        await staff.get(`/api/events/${t.eventId}/reports/${report.id}/deliveries`)
      ).json().items;
      assert.ok(delivered.every((delivery: { state: string }) => delivery.state === 'sent'));
    });

    it('retries with back-off and shows the failure when the relay is down', async () => {
      const staff = await t.login(demoPeople.staff);
      const approver = await t.login(demoPeople.approver);
      const report = await publishNewReport(staff, approver);
      const unreachable = createMailer('smtp://127.0.0.1:1');
      try {
        const result = await deliverDue(t.database, unreachable, {
          publicUrl: 'http://lagesbild.test',
        });
        assert.equal(result.sent, 0);
        assert.ok(result.claimed >= 1);
      } finally {
        unreachable.close();
      }
      const deliveries = (
        await staff.get(`/api/events/${t.eventId}/reports/${report.id}/deliveries`)
      ).json().items;
      for (const delivery of deliveries) {
        assert.equal(delivery.state, 'pending');
        assert.equal(delivery.attempts, 1);
        assert.ok(delivery.lastError);
      }
      const soon = await deliverDue(t.database, createMailer(smtp.url), {
        publicUrl: 'http://lagesbild.test',
      });
      assert.equal(soon.claimed, 0, 'not retried before the back-off has passed');
    });

    it('lets a reader subscribe and unsubscribe with one click', async () => {
      const reader = await t.login(demoPeople.reader);
      assert.equal((await reader.post(`/api/events/${t.eventId}/subscription`)).statusCode, 201);
      assert.equal(
        (await reader.get(`/api/events/${t.eventId}/subscription`)).json().subscribed,
        true,
      );
      const row = await t.database.db
        .selectFrom('subscriptions')
        .select('token')
        .executeTakeFirstOrThrow();
      const page = await t.anonymous().get(`/unsubscribe/${row.token}`);
      assert.match(page.body, /<form method="post"/);
      const done = await t.anonymous().post(`/unsubscribe/${row.token}`);
      assert.match(done.body, /Prenumerationen är avslutad/);
      assert.equal(
        (await reader.get(`/api/events/${t.eventId}/subscription`)).json().subscribed,
        false,
      );
    });
  });
}
