// Server-side requests (figure pulls, webhooks) reach no loopback, private, link-local or cloud
// metadata address unless OUTBOUND_ALLOW_LIST names it: checked after the name is
// resolved, for IP literals too, and redirects are never followed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultPullLimits, runDueFigurePulls } from '../../src/server/feeds/pull.ts';
import { mayConnect } from '../../src/server/feeds/outbound.ts';
import { deliverDueWebhooks, enqueueWebhookDeliveries } from '../../src/server/feeds/webhooks.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { type LoopbackServer, loopbackAllowed, startLoopbackServer } from '../feeds/loopback.ts';

const csv = 'datum;nyckeltal;enhet;värde\n';

describe('addresses a server-side request may reach', () => {
  it('refuses this host, private, link-local, metadata and reserved addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '::1',
      '::',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
    ]) {
      assert.equal(mayConnect(address, []), false, address);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2a00:1450:4001:80b::200e']) {
      assert.equal(mayConnect(address, []), true, address);
    }
  });

  it('lets the allow-list name a region’s own internal hosts', () => {
    assert.equal(mayConnect('10.20.30.40', ['10.20.0.0/16']), true);
    assert.equal(mayConnect('10.21.30.40', ['10.20.0.0/16']), false);
    assert.equal(mayConnect('127.0.0.1', loopbackAllowed), true);
    assert.equal(mayConnect('169.254.169.254', loopbackAllowed), false);
  });
});

for (const dialect of testDialects()) {
  describe(`server-side requests on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let server: LoopbackServer;
    const events = () => `/api/events/${t.eventId}`;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      server = await startLoopbackServer((request) =>
        request.path === '/flyttad.csv' ? { status: 302 } : { status: 200, body: csv },
      );
    });
    after(async () => {
      await server.close();
      await t.close();
    });

    const createSource = async (name: string, url: string) => {
      const response = await admin.post(`${events()}/figure-sources`, {
        name,
        url,
        format: 'csv',
        intervalMinutes: 60,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: number };
    };
    const disable = async (source: { id: number }) => {
      const listed = (await admin.get(`${events()}/figure-sources`)).json().items as {
        id: number;
        version: number;
      }[];
      const { version } = listed.find((candidate) => candidate.id === source.id)!;
      const response = await admin.patch(`${events()}/figure-sources/${source.id}`, {
        version,
        enabled: false,
      });
      assert.equal(response.statusCode, 200, response.body);
    };

    it('pulls figures from no internal address, named or literal, unless allowed', async () => {
      const port = new URL(server.url).port;
      const sources = await Promise.all([
        createSource('Loopback', `${server.url}/a.csv`),
        createSource('Localhost', `http://localhost:${port}/b.csv`),
        createSource('IPv6 loopback', `http://[::1]:${port}/c.csv`),
        createSource('Metadata', 'http://169.254.169.254/latest/meta-data/'),
      ]);
      const outcomes = await runDueFigurePulls(t.database.db, new Date(), defaultPullLimits);
      for (const source of sources) {
        const outcome = outcomes.find((candidate) => candidate.sourceId === source.id);
        assert.match(outcome?.message ?? '', /OUTBOUND_ALLOW_LIST/, String(source.id));
      }
      assert.equal(server.received.length, 0, 'nothing reached the internal server');
      for (const source of sources) await disable(source);
    });

    it('reaches an allowed internal host, and does not follow its redirect', async () => {
      const allowed = await createSource('Tillåten', `${server.url}/tillaten.csv`);
      const moved = await createSource('Flyttad', `${server.url}/flyttad.csv`);
      const outcomes = await runDueFigurePulls(t.database.db, new Date(), {
        ...defaultPullLimits,
        allowedAddresses: loopbackAllowed,
      });
      const messageOf = (id: number) => outcomes.find((o) => o.sourceId === id)?.message ?? '';
      assert.doesNotMatch(messageOf(allowed.id), /OUTBOUND_ALLOW_LIST/);
      assert.match(messageOf(moved.id), /HTTP-status 302/);
      assert.deepEqual(server.received.map((request) => request.path).sort(), [
        '/flyttad.csv',
        '/tillaten.csv',
      ]);
      await disable(allowed);
      await disable(moved);
    });

    it('delivers no webhook to an internal address unless allowed', async () => {
      const before = server.received.length;
      const subscribed = await admin.post(`${events()}/webhooks`, {
        name: 'Intern mottagare',
        url: `${server.url}/webhook`,
        eventTypes: ['readiness.changed'],
      });
      assert.equal(subscribed.statusCode, 201, subscribed.body);
      const current = (await staff.get(`${events()}/readiness`)).json().event;
      const changed = await staff.post(`${events()}/readiness`, {
        version: current.version,
        level: current.level === 'katastrofläge' ? 'stabsläge' : 'katastrofläge',
        reason: 'Prov av webhooken.',
      });
      assert.equal(changed.statusCode, 201, changed.body);
      assert.equal(await enqueueWebhookDeliveries(t.database.db, { settleMs: 0 }), 1);
      await deliverDueWebhooks(t.database);
      const deliveries = (
        await admin.get(`${events()}/webhooks/${subscribed.json().id}/deliveries`)
      ).json().items as { lastError: string | null }[];
      assert.match(deliveries[0]?.lastError ?? '', /OUTBOUND_ALLOW_LIST/);
      assert.equal(server.received.length, before, 'the internal receiver got nothing');
    });
  });
}
