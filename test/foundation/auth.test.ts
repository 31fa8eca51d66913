import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.ts';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import {
  Client,
  type TestApp,
  adminEmail,
  adminPassword,
  demoPassword,
  demoPeople,
  sessionCookieOf,
  startTestApp,
  testAppConfig,
} from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

describe('TRUSTED_PROXIES', () => {
  it('is none by default, a list of addresses and ranges, and refuses anything else', () => {
    assert.deepEqual(loadConfig({}).TRUSTED_PROXIES, []);
    assert.deepEqual(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.2, 10.1.0.0/16,fd00::/8' }).TRUSTED_PROXIES,
      ['10.0.0.2', '10.1.0.0/16', 'fd00::/8'],
    );
    assert.throws(() => loadConfig({ TRUSTED_PROXIES: 'nginx' }), ConfigError);
    assert.throws(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' }), ConfigError);
  });
});

for (const dialect of testDialects()) {
  describe(`sessions and login on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

    const loginFrom = (
      address: string,
      email: string,
      password: string,
      headers: Record<string, string> = {},
    ) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: address,
        headers,
        payload: { email, password },
      });

    const lastLoginAddress = async () => {
      const row = await t.database.db
        .selectFrom('audit_records')
        .select('after_json')
        .where('action', '=', 'auth.login')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return JSON.parse(row.after_json!).address as string;
    };

    it('answers the same for a wrong password and an unknown account', async () => {
      const wrong = await t
        .anonymous()
        .post('/api/auth/login', { email: demoPeople.staff, password: 'fel-lösenord-123' });
      const unknown = await t
        .anonymous()
        .post('/api/auth/login', { email: 'ingen@lagesbild.local', password: 'fel-lösenord-123' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
    });

    it('gives a new session id at every login and kills the cookie at logout', async () => {
      const first = await t.login(demoPeople.reader);
      const second = await t.login(demoPeople.reader);
      assert.notEqual(first.cookie, second.cookie);
      assert.equal((await first.get('/api/auth/me')).statusCode, 200);
      assert.equal((await first.post('/api/auth/logout')).statusCode, 204);
      assert.equal((await first.get('/api/auth/me')).statusCode, 401);
      assert.equal((await second.get('/api/auth/me')).statusCode, 200);
    });

    it('sets an HttpOnly SameSite cookie', async () => {
      const response = await t.anonymous().post('/api/auth/login', {
        email: demoPeople.reader,
        password: 'Demo-lösenord-för-test-2024',
      });
      const cookie = response.cookies.find((candidate) => candidate.name === 'lagesbild_session');
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Lax');
    });

    it('refuses a cookie-authenticated write without the CSRF token', async () => {
      const admin = await t.login(adminEmail);
      const response = await admin.post(
        '/api/events',
        { name: 'Övning Vinterstorm' },
        { headers: { 'x-csrf-token': 'fel' } },
      );
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error, 'csrf_failed');
      const events = await admin.get('/api/events');
      assert.ok(
        !events.json().items.some((event: { name: string }) => event.name === 'Övning Vinterstorm'),
      );
    });

    it('slows repeated failures for one account and address but lets the real user in from elsewhere', async () => {
      const email = demoPeople.communicator;
      for (let attempt = 0; attempt < 5; attempt++) {
        const failed = await loginFrom('203.0.113.7', email, 'gissning-nummer-1');
        assert.equal(failed.statusCode, 401);
      }
      const throttled = await loginFrom('203.0.113.7', email, demoPassword);
      assert.equal(throttled.statusCode, 429);
      assert.ok(Number(throttled.headers['retry-after']) > 0);
      assert.equal((await loginFrom('198.51.100.4', email, demoPassword)).statusCode, 200);
    });

    it('takes the client address from the connection, not from a forged X-Forwarded-For', async () => {
      const email = demoPeople.reporterSas;
      for (let attempt = 0; attempt < 5; attempt++) {
        const forged = { 'x-forwarded-for': `198.51.100.${attempt + 10}` };
        const failed = await loginFrom('203.0.113.20', email, 'gissning-nummer-2', forged);
        assert.equal(failed.statusCode, 401);
      }
      const forged = { 'x-forwarded-for': '198.51.100.99' };
      assert.equal((await loginFrom('203.0.113.20', email, demoPassword, forged)).statusCode, 429);
      const signedIn = await loginFrom('203.0.113.21', adminEmail, adminPassword, forged);
      assert.equal(signedIn.statusCode, 200);
      assert.equal(await lastLoginAddress(), '203.0.113.21');
    });

    it('behind a configured proxy takes the address the proxy saw, not what the client wrote', async () => {
      const behindProxy = await buildApp(
        { ...testAppConfig, TRUSTED_PROXIES: ['10.0.0.2'] },
        t.database,
      );
      try {
        const response = await behindProxy.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.0.0.2',
          headers: { 'x-forwarded-for': '198.51.100.77, 203.0.113.30' },
          payload: { email: adminEmail, password: adminPassword },
        });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(await lastLoginAddress(), '203.0.113.30');
      } finally {
        await behindProxy.close();
      }
    });

    it('limits guesses at one account from any number of addresses, but not from a known browser, and not for long', async () => {
      const email = demoPeople.reporterNh;
      const known = await loginFrom('203.0.113.40', email, demoPassword);
      const device = known.cookies.find((cookie) => cookie.name === 'lagesbild_device');
      assert.equal(device?.httpOnly, true);
      assert.equal(device?.path, '/api/auth/login');
      for (let attempt = 0; attempt < 20; attempt++) {
        const failed = await loginFrom(`198.51.100.${attempt + 100}`, email, 'gissning-nummer-3');
        assert.equal(failed.statusCode, 401);
      }
      const fresh = await loginFrom('198.51.100.200', email, demoPassword);
      assert.equal(fresh.statusCode, 429, 'a new address does not escape the account limit');
      const fromKnownBrowser = await loginFrom('192.0.2.50', email, demoPassword, {
        cookie: `lagesbild_device=${device!.value}`,
      });
      assert.equal(fromKnownBrowser.statusCode, 200, fromKnownBrowser.body);
      const windowAgo = new Date(Date.now() - 16 * 60_000).toISOString();
      await t.database.db
        .updateTable('login_failures')
        .set({ at: windowAgo })
        .where('account_key', '=', email)
        .execute();
      assert.equal((await loginFrom('198.51.100.201', email, demoPassword)).statusCode, 200);
    });

    it('makes a user with a one-time password change it before anything else', async () => {
      const admin = await t.login(adminEmail);
      const created = await admin.post('/api/users', {
        email: 'ny.person@lagesbild.local',
        name: 'Ny Person',
      });
      assert.equal(created.statusCode, 201, created.body);
      const oneTime = created.json().oneTimePassword as string;
      const newcomer = await t.login('ny.person@lagesbild.local', oneTime);
      const blocked = await newcomer.get('/api/events');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error, 'password_change_required');
      const weak = await newcomer.post('/api/auth/password', {
        currentPassword: oneTime,
        newPassword: 'kort',
      });
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().details.field, 'newPassword');
      const changed = await newcomer.post('/api/auth/password', {
        currentPassword: oneTime,
        newPassword: 'Ett-helt-nytt-lösenord-99',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      const renewed = new Client(t.app, sessionCookieOf(changed), changed.json().csrfToken);
      assert.equal((await renewed.get('/api/events')).statusCode, 200);
      assert.equal((await newcomer.get('/api/auth/me')).statusCode, 401, 'the old session ended');
    });

    it('refuses passwords built on the product name, the organisation or the person', async () => {
      const admin = await t.login(adminEmail);
      const person = { email: 'greta.lundqvist@regionvast.se', name: 'Greta Lundqvist' };
      for (const password of [
        'Lägesbild2024!',
        'lagesbild-2024-!',
        'L4gesb1ld#2024',
        'Regionvast2024!',
        'Lundqvist#2024',
        'GretaLundqvist1!',
      ]) {
        const refused = await admin.post('/api/users', { ...person, password });
        assert.equal(refused.statusCode, 400, password);
        assert.match(refused.json().message, /bygger på ett namn/, password);
      }
      const accepted = await admin.post('/api/users', {
        ...person,
        password: 'Lägesbild är vårt stabsverktyg',
      });
      assert.equal(accepted.statusCode, 201, accepted.body);
      const own = await t.login(person.email, 'Lägesbild är vårt stabsverktyg');
      const changed = await own.post('/api/auth/password', {
        currentPassword: 'Lägesbild är vårt stabsverktyg',
        newPassword: 'Lägesbild2025!',
      });
      assert.equal(changed.statusCode, 400);
      assert.equal(changed.json().details.field, 'newPassword');
    });

    it('ends the sessions of a disabled user', async () => {
      const admin = await t.login(adminEmail);
      const reader = await t.login(demoPeople.reader);
      const users = (await admin.get('/api/users')).json().items as {
        id: number;
        email: string;
        version: number;
      }[];
      const target = users.find((user) => user.email === demoPeople.reader)!;
      const disabled = await admin.patch(`/api/users/${target.id}`, {
        version: target.version,
        disabled: true,
      });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.equal((await reader.get('/api/auth/me')).statusCode, 401);
      const again = await t.anonymous().post('/api/auth/login', {
        email: demoPeople.reader,
        password: 'Demo-lösenord-för-test-2024',
      });
      assert.equal(again.statusCode, 401);
      const enabled = await admin.patch(`/api/users/${target.id}`, {
        version: disabled.json().version,
        disabled: false,
      });
      assert.equal(enabled.statusCode, 200);
    });

    it('ends a session after the idle time-out and after the absolute time-out', async () => {
      const idle = await t.login(demoPeople.approver);
      const absolute = await t.login(demoPeople.approver);
      const longAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
      const sessions = await t.database.db
        .selectFrom('sessions')
        .select('id_hash')
        .orderBy('created_at', 'desc')
        .limit(2)
        .execute();
      await t.database.db
        .updateTable('sessions')
        .set({ last_seen_at: longAgo })
        .where('id_hash', '=', sessions[1]!.id_hash)
        .execute();
      await t.database.db
        .updateTable('sessions')
        .set({ expires_at: longAgo })
        .where('id_hash', '=', sessions[0]!.id_hash)
        .execute();
      assert.equal((await idle.get('/api/auth/me')).statusCode, 401);
      assert.equal((await absolute.get('/api/auth/me')).statusCode, 401);
    });

    it('accepts an API token instead of a session, and not after it is revoked', async () => {
      const staff = await t.login(demoPeople.staff);
      const created = await staff.post('/api/tokens', { name: 'Integration' });
      assert.equal(created.statusCode, 201);
      const bearer = { authorization: `Bearer ${created.json().token}` };
      const viaToken = await t.app.inject({
        method: 'GET',
        url: `/api/events/${t.eventId}`,
        headers: bearer,
      });
      assert.equal(viaToken.statusCode, 200);
      assert.equal((await staff.delete(`/api/tokens/${created.json().id}`)).statusCode, 204);
      const revoked = await t.app.inject({
        method: 'GET',
        url: `/api/events/${t.eventId}`,
        headers: bearer,
      });
      assert.equal(revoked.statusCode, 401);
    });

    it('answers tokens in the contract’s camelCase, with when each was used and revoked', async () => {
      const staff = await t.login(demoPeople.staff);
      const created = (
        await staff.post('/api/tokens', { name: 'Flöde', scopes: ['reports:read'] })
      ).json();
      assert.deepEqual(Object.keys(created).sort(), [
        'createdAt',
        'expiresAt',
        'id',
        'name',
        'scopes',
        'token',
      ]);
      await t.app.inject({
        method: 'GET',
        url: `/api/events/${t.eventId}/reports`,
        headers: { authorization: `Bearer ${created.token}` },
      });
      await staff.delete(`/api/tokens/${created.id}`);
      const listed = (await staff.get('/api/tokens'))
        .json()
        .items.find((token: { id: number }) => token.id === created.id);
      assert.equal(listed.name, 'Flöde');
      assert.deepEqual(listed.scopes, ['reports:read']);
      assert.equal(listed.createdAt, created.createdAt);
      assert.equal(typeof listed.lastUsedAt, 'string');
      assert.ok(Date.parse(listed.revokedAt) >= Date.parse(listed.lastUsedAt));
    });

    it('refuses a token past its expiry, and an expiry that has already passed', async () => {
      const staff = await t.login(demoPeople.staff);
      const past = await staff.post('/api/tokens', {
        name: 'För sent',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      });
      assert.equal(past.statusCode, 400);
      assert.equal(past.json().details.field, 'expiresAt');

      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const created = (await staff.post('/api/tokens', { name: 'Övning', expiresAt })).json();
      assert.equal(created.expiresAt, expiresAt);
      const viaToken = () =>
        t.app.inject({
          method: 'GET',
          url: `/api/events/${t.eventId}`,
          headers: { authorization: `Bearer ${created.token}` },
        });
      assert.equal((await viaToken()).statusCode, 200);
      await t.database.db
        .updateTable('api_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', created.id)
        .execute();
      assert.equal((await viaToken()).statusCode, 401);
    });
  });
}
