import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { deliverDueWebhooks, enqueueWebhookDeliveries } from '../../src/server/feeds/webhooks.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  type LoopbackServer,
  type ReceivedRequest,
  loopbackAllowed,
  startLoopbackServer,
} from './loopback.ts';

interface Delivery {
  id: number;
  eventType: string;
  state: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

for (const dialect of testDialects()) {
  describe(`signed webhooks on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let approver: Client;
    let receiver: LoopbackServer;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
      receiver = await startLoopbackServer((request) => ({
        status: request.path.startsWith('/fel') ? 500 : 204,
      }));
    });
    after(async () => {
      await receiver.close();
      await t.close();
    });

    const events = () => `/api/events/${t.eventId}`;

    async function subscribe(path: string, eventTypes: string[]) {
      const response = await admin.post(`${events()}/webhooks`, {
        name: `Mottagare ${path}`,
        url: `${receiver.url}${path}`,
        eventTypes,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: number; version: number; secret: string };
    }

    async function deliveries(webhookId: number): Promise<Delivery[]> {
      const response = await admin.get(`${events()}/webhooks/${webhookId}/deliveries`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().items;
    }

    async function changeReadiness() {
      const current = (await staff.get(`${events()}/readiness`)).json().event;
      const response = await staff.post(`${events()}/readiness`, {
        version: current.version,
        level: current.level === 'katastrofläge' ? 'stabsläge' : 'katastrofläge',
        reason: 'Journalsystemet står still på flera sjukhus.',
      });
      assert.equal(response.statusCode, 201, response.body);
    }

    async function createDiversion() {
      const facilities = (await admin.get('/api/facilities')).json().items as {
        id: number;
        code: string;
      }[];
      const response = await staff.post(`${events()}/diversions`, {
        facilityId: facilities.find((facility) => facility.code === 'SÄS-AKM-SKENE')!.id,
        categories: ['ambulance'],
        redirectedTo: 'Akutmottagningen Borås',
        startsAt: '2024-12-01T07:00:00Z',
        endsAt: '2024-12-01T19:00:00Z',
      });
      assert.equal(response.statusCode, 201, response.body);
    }

    async function publishReport() {
      const started = await staff.post(`${events()}/reports`, { kind: 'extra' });
      assert.equal(started.statusCode, 201, started.body);
      const draft = (await staff.get(`${events()}/reports/${started.json().id}`)).json();
      const submitted = await staff.post(`${events()}/reports/${draft.id}/submit`, {
        version: draft.version,
      });
      const approved = await approver.post(`${events()}/reports/${draft.id}/approve`, {
        version: submitted.json().version,
      });
      const published = await approver.post(`${events()}/reports/${draft.id}/publish`, {
        version: approved.json().version,
      });
      assert.equal(published.statusCode, 200, published.body);
    }

    function receivedAt(path: string): ReceivedRequest[] {
      return receiver.received.filter((request) => request.path === path);
    }

    it('signs each delivery so that the receiver can check body and timestamp', async () => {
      const webhook = await subscribe('/signerad', ['readiness.changed']);
      assert.match(webhook.secret, /^whsec_/);
      const listed = (await admin.get(`${events()}/webhooks`)).json().items;
      assert.ok(listed.every((item: Record<string, unknown>) => !('secret' in item)));

      await changeReadiness();
      assert.equal(await enqueueWebhookDeliveries(t.database.db), 0, 'not before it settles');
      assert.equal(await enqueueWebhookDeliveries(t.database.db, { settleMs: 0 }), 1);
      await deliverDueWebhooks(t.database, { allowedAddresses: loopbackAllowed });

      const [request] = receivedAt('/signerad');
      assert.ok(request, 'the receiver got the delivery');
      const timestamp = String(request.headers['x-lagesbild-timestamp']);
      const expected = createHmac('sha256', webhook.secret)
        .update(`${timestamp}.${request.body}`)
        .digest('hex');
      assert.equal(request.headers['x-lagesbild-signature'], `sha256=${expected}`);
      assert.ok(Math.abs(Date.now() / 1000 - Number(timestamp)) < 300, 'a fresh timestamp');
      const forged = createHmac('sha256', 'fel-hemlighet')
        .update(`${timestamp}.${request.body}`)
        .digest('hex');
      assert.notEqual(request.headers['x-lagesbild-signature'], `sha256=${forged}`);
      const payload = JSON.parse(request.body);
      assert.equal(payload.type, 'readiness.changed');
      assert.equal(payload.eventId, t.eventId);
      assert.equal(payload.data.reason, 'Journalsystemet står still på flera sjukhus.');
      const [delivery] = await deliveries(webhook.id);
      assert.equal(delivery!.state, 'delivered');
      assert.equal(delivery!.lastStatus, 204);
      await admin.patch(`${events()}/webhooks/${webhook.id}`, {
        version: webhook.version,
        active: false,
      });
    });

    it('makes exactly one delivery per subscription for each publish, diversion and readiness change', async () => {
      const everything = await subscribe('/alla', [
        'report.published',
        'diversion.changed',
        'readiness.changed',
      ]);
      const readinessOnly = await subscribe('/beredskap', ['readiness.changed']);
      await publishReport();
      await createDiversion();
      await changeReadiness();
      await Promise.all([
        enqueueWebhookDeliveries(t.database.db, { settleMs: 0 }),
        enqueueWebhookDeliveries(t.database.db, { settleMs: 0 }),
      ]);
      await enqueueWebhookDeliveries(t.database.db, { settleMs: 0 });

      const types = async (id: number) => (await deliveries(id)).map((d) => d.eventType).sort();
      assert.deepEqual(await types(everything.id), [
        'diversion.changed',
        'readiness.changed',
        'report.published',
      ]);
      assert.deepEqual(await types(readinessOnly.id), ['readiness.changed']);

      await deliverDueWebhooks(t.database, { allowedAddresses: loopbackAllowed });
      assert.deepEqual(
        receivedAt('/alla')
          .map((request) => request.headers['x-lagesbild-event'])
          .sort(),
        ['diversion.changed', 'readiness.changed', 'report.published'],
      );
      assert.equal(receivedAt('/beredskap').length, 1);
      for (const webhook of [everything, readinessOnly]) {
        await admin.patch(`${events()}/webhooks/${webhook.id}`, {
          version: webhook.version,
          active: false,
        });
      }
    });

    it('retries a failing receiver with growing back-off and logs each attempt', async () => {
      const webhook = await subscribe('/fel', ['readiness.changed']);
      await changeReadiness();
      await enqueueWebhookDeliveries(t.database.db, { settleMs: 0 });
      const start = Date.now() + 1000;

      await deliverDueWebhooks(t.database, {
        allowedAddresses: loopbackAllowed,
        now: new Date(start),
      });
      let [delivery] = await deliveries(webhook.id);
      assert.equal(delivery!.state, 'pending');
      assert.equal(delivery!.attempts, 1);
      assert.equal(delivery!.lastStatus, 500);
      assert.match(delivery!.lastError!, /HTTP-status 500/);
      assert.equal(Date.parse(delivery!.nextAttemptAt!), start + 30_000);

      await deliverDueWebhooks(t.database, {
        allowedAddresses: loopbackAllowed,
        now: new Date(start + 10_000),
      });
      assert.equal(receivedAt('/fel').length, 1, 'not retried before the back-off ends');

      await deliverDueWebhooks(t.database, {
        allowedAddresses: loopbackAllowed,
        now: new Date(start + 31_000),
      });
      [delivery] = await deliveries(webhook.id);
      assert.equal(delivery!.attempts, 2);
      assert.equal(Date.parse(delivery!.nextAttemptAt!), start + 31_000 + 60_000);
      assert.equal(receivedAt('/fel').length, 2);

      const retried = await admin.post(
        `${events()}/webhooks/${webhook.id}/deliveries/${delivery!.id}/retry`,
      );
      assert.equal(retried.statusCode, 200, retried.body);
      assert.ok(Date.parse(retried.json().nextAttemptAt) <= Date.now());
      await admin.patch(`${events()}/webhooks/${webhook.id}`, {
        version: webhook.version,
        active: false,
      });
    });

    it('gives up after the last attempt and marks the delivery failed', async () => {
      const webhook = await subscribe('/fel-alltid', ['readiness.changed']);
      await changeReadiness();
      await enqueueWebhookDeliveries(t.database.db, { settleMs: 0 });
      let now = Date.now() + 1000;
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        await deliverDueWebhooks(t.database, {
          allowedAddresses: loopbackAllowed,
          now: new Date(now),
        });
        now += 10 * 60_000;
      }
      const [delivery] = await deliveries(webhook.id);
      assert.equal(delivery!.state, 'failed');
      assert.equal(delivery!.attempts, 6);
      assert.equal(receivedAt('/fel-alltid').length, 6);
      await admin.patch(`${events()}/webhooks/${webhook.id}`, {
        version: webhook.version,
        active: false,
      });
    });

    it('has two workers on separate connections deliver each delivery once', async () => {
      const webhook = await subscribe('/tva-noder', ['readiness.changed']);
      for (let change = 0; change < 4; change += 1) await changeReadiness();
      const second: Database = dialect === 'postgres' ? openDatabase(t.databaseUrl) : t.database;
      try {
        await Promise.all([
          enqueueWebhookDeliveries(t.database.db, { settleMs: 0 }),
          enqueueWebhookDeliveries(second.db, { settleMs: 0 }),
        ]);
        const results = await Promise.all([
          deliverDueWebhooks(t.database, { allowedAddresses: loopbackAllowed, batchSize: 4 }),
          deliverDueWebhooks(second, { allowedAddresses: loopbackAllowed, batchSize: 4 }),
        ]);
        assert.equal(results[0].delivered + results[1].delivered, 4);
      } finally {
        if (second !== t.database) await second.close();
      }
      const ids = receivedAt('/tva-noder').map((r) => r.headers['x-lagesbild-delivery']);
      assert.equal(ids.length, 4);
      assert.equal(new Set(ids).size, 4);
      const log = await deliveries(webhook.id);
      assert.ok(log.every((delivery) => delivery.state === 'delivered' && delivery.attempts === 1));
    });
  });
}
