import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  type TestApp,
  adminEmail,
  demoPeople,
  sessionCookieOf,
  startTestApp,
} from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`sessions and login on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

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
      const attacker = { 'x-forwarded-for': '203.0.113.7' };
      for (let attempt = 0; attempt < 5; attempt++) {
        const failed = await t
          .anonymous()
          .post('/api/auth/login', { email, password: 'gissning-nummer-1' }, { headers: attacker });
        assert.equal(failed.statusCode, 401);
      }
      const throttled = await t
        .anonymous()
        .post(
          '/api/auth/login',
          { email, password: 'Demo-lösenord-för-test-2024' },
          { headers: attacker },
        );
      assert.equal(throttled.statusCode, 429);
      assert.ok(Number(throttled.headers['retry-after']) > 0);
      const elsewhere = await t
        .anonymous()
        .post(
          '/api/auth/login',
          { email, password: 'Demo-lösenord-för-test-2024' },
          { headers: { 'x-forwarded-for': '198.51.100.4' } },
        );
      assert.equal(elsewhere.statusCode, 200);
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
  });
}
