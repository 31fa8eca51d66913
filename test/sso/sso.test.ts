import { generate } from 'otplib';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { safeReturnPath } from '../../src/server/sso/service.ts';
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
import { Browser } from './browser.ts';
import { TestIdentityProvider, clientId, clientSecret } from './identity-provider.ts';

const appUrl = 'http://localhost:3000';
const flowCookie = 'lagesbild_oidc_flow';

describe('sign-on configuration', () => {
  it('needs a client id with an issuer, and an issuer to switch local login off', () => {
    assert.throws(
      () => loadConfig({ OIDC_ISSUER: 'https://idp.regionen.se' }),
      (error) => error instanceof ConfigError && error.message.includes('OIDC_CLIENT_ID'),
    );
    assert.throws(
      () => loadConfig({ OIDC_LOCAL_LOGIN: 'off' }),
      (error) => error instanceof ConfigError && error.message.includes('OIDC_LOCAL_LOGIN'),
    );
    const config = loadConfig({ OIDC_ISSUER: 'https://idp.regionen.se', OIDC_CLIENT_ID: 'lb' });
    assert.equal(config.OIDC_GROUPS_CLAIM, 'groups');
    assert.equal(config.OIDC_LOCAL_LOGIN, 'on');
  });
});

describe('the return path after sign-on', () => {
  it('keeps paths inside the app and refuses everything that could leave it', () => {
    assert.equal(safeReturnPath('/events/1/decisions?q=skene'), '/events/1/decisions?q=skene');
    assert.equal(safeReturnPath(undefined), '/');
    for (const hostile of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'events',
    ]) {
      assert.equal(safeReturnPath(hostile), '/', JSON.stringify(hostile));
    }
  });
});

for (const dialect of testDialects()) {
  describe(`single sign-on with OpenID Connect on ${dialect}`, () => {
    const idp = new TestIdentityProvider();
    let t: TestApp;
    let admin: Client;
    let unitSas: number;

    before(async () => {
      await idp.start(appUrl);
      t = await startTestApp(dialect, {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: clientId,
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_SCOPES: 'openid profile email groups',
        OIDC_LOCAL_LOGIN: 'off',
      });
      // As `lagesbild user create --break-glass` would have made the first admin.
      await t.database.db
        .updateTable('users')
        .set({ break_glass: 1 })
        .where('email', '=', adminEmail)
        .execute();
      admin = await t.login(adminEmail);
      // A break-glass account must have a second factor before it may do anything else.
      const { secret } = (await admin.post('/api/auth/second-factor/totp')).json();
      await admin.post('/api/auth/second-factor/totp/confirm', {
        code: await generate({ secret }),
      });
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      unitSas = units.find((unit) => unit.code === 'SÄS')!.id;
      for (const mapping of [
        { target: 'event', group: 'lagesbild-stab', eventId: t.eventId, role: 'staff' },
        {
          target: 'event',
          group: 'lagesbild-sas',
          eventId: t.eventId,
          role: 'unit_reporter',
          unitId: unitSas,
        },
        { target: 'system_admin', group: 'lagesbild-systemadmin' },
      ]) {
        const response = await admin.post('/api/sso/mappings', mapping);
        assert.equal(response.statusCode, 201, response.body);
      }
    });
    after(async () => {
      await t.close();
      await idp.stop();
    });

    interface SignInOptions {
      browser?: Browser;
      next?: string;
      beforeProvider?: () => Promise<void>;
      alterCallback?: (url: URL) => URL;
    }

    /** Starts at the app, signs in at the provider and brings the browser back to the callback. */
    async function signIn(accountId: string, options: SignInOptions = {}) {
      const next = options.next ?? '/';
      const start = await t.app.inject({
        method: 'GET',
        url: `/auth/oidc/login?next=${encodeURIComponent(next)}`,
      });
      assert.equal(start.statusCode, 302, start.body);
      const flow = start.cookies.find((cookie) => cookie.name === flowCookie);
      assert.ok(flow?.httpOnly, 'the flow cookie is HttpOnly');
      await options.beforeProvider?.();
      const browser = options.browser ?? new Browser();
      const back = await browser.untilBackAt(
        appUrl,
        new URL(String(start.headers.location)),
        accountId,
      );
      const callback = options.alterCallback?.(back.url) ?? back.url;
      const response = await t.app.inject({
        method: 'GET',
        url: callback.pathname + callback.search,
        headers: { cookie: `${flowCookie}=${flow.value}` },
      });
      return { response, prompts: back.prompts, callback, flowCookie: flow.value };
    }

    async function clientOf(response: LightMyRequestResponse): Promise<Client> {
      const cookie = sessionCookieOf(response);
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      assert.equal(me.statusCode, 200, me.body);
      return new Client(t.app, cookie, me.json().csrfToken);
    }

    async function grantsOf(email: string) {
      const items = (await admin.get(`/api/events/${t.eventId}/grants`)).json().items as {
        userEmail: string;
        role: string;
        unitId: number | null;
        source: string;
      }[];
      return items
        .filter((grant) => grant.userEmail === email)
        .map((grant) => `${grant.role}:${grant.unitId ?? '-'}:${grant.source}`)
        .sort();
    }

    function assertRefused(response: LightMyRequestResponse, status: number) {
      assert.equal(response.statusCode, status, response.body);
      assert.ok(
        !response.cookies.some((cookie) => cookie.name === 'lagesbild_session'),
        'no session cookie on a refused login',
      );
      assert.match(String(response.headers['content-type']), /text\/html/);
    }

    it('tells the login page that sign-on is on and local login off', async () => {
      const response = await t.anonymous().get('/api/auth/options');
      assert.deepEqual(response.json(), { sso: true, localLogin: false });
    });

    it('creates the user and an ordinary session on the first login, with mapped roles', async () => {
      idp.accounts.set('u-1001', {
        email: 'Maria.Lind@regionen.se',
        name: 'Maria Lind',
        groups: ['lagesbild-stab', 'en-grupp-utan-koppling'],
      });
      const { response } = await signIn('u-1001', { next: `/events/${t.eventId}` });
      assert.equal(response.statusCode, 302, response.body);
      assert.equal(response.headers.location, `/events/${t.eventId}`);
      const maria = await clientOf(response);
      const me = (await maria.get('/api/auth/me')).json().user;
      assert.equal(me.email, 'maria.lind@regionen.se');
      assert.equal(me.name, 'Maria Lind');
      assert.equal(me.isAdmin, false);
      assert.equal(me.hasPassword, false);
      assert.deepEqual((await maria.get(`/api/events/${t.eventId}/grants/me`)).json().roles, [
        'staff',
      ]);
      const write = await maria.post(`/api/events/${t.eventId}/decisions`, {
        decidedAt: '2024-11-14T08:00:00Z',
        forum: 'Regional särskild sjukvårdsledning',
        text: 'Stabsläget förlängs över helgen.',
      });
      assert.equal(write.statusCode, 201, 'the CSRF token of the session works');
      const identities = (await admin.get('/api/sso/identities')).json().items;
      const identity = identities.find(
        (item: { userEmail: string }) => item.userEmail === 'maria.lind@regionen.se',
      );
      assert.deepEqual(identity, {
        id: identity.id,
        userId: me.id,
        userName: 'Maria Lind',
        userEmail: 'maria.lind@regionen.se',
        issuer: idp.issuer,
        subject: 'u-1001',
        createdAt: identity.createdAt,
        lastLoginAt: identity.lastLoginAt,
      });
      assert.ok(Number.isFinite(Date.parse(identity.lastLoginAt)), 'the login is recorded');
    });

    it('updates the profile and replaces sign-on grants at every login, keeping grants by hand', async () => {
      const users = (await admin.get('/api/users')).json().items as {
        id: number;
        email: string;
      }[];
      const mariaId = users.find((user) => user.email === 'maria.lind@regionen.se')!.id;
      const manual = await admin.post(`/api/events/${t.eventId}/grants`, {
        userId: mariaId,
        role: 'approver',
      });
      assert.equal(manual.statusCode, 201, manual.body);

      idp.accounts.set('u-1001', {
        email: 'maria.lind-ek@regionen.se',
        name: 'Maria Lind-Ek',
        groups: ['lagesbild-sas', 'lagesbild-systemadmin'],
      });
      const second = await clientOf((await signIn('u-1001')).response);
      const me = (await second.get('/api/auth/me')).json().user;
      assert.equal(me.id, mariaId, 'the same user, found by issuer and subject');
      assert.equal(me.email, 'maria.lind-ek@regionen.se');
      assert.equal(me.name, 'Maria Lind-Ek');
      assert.equal(me.isAdmin, true);
      assert.deepEqual(await grantsOf('maria.lind-ek@regionen.se'), [
        'approver:-:manual',
        `unit_reporter:${unitSas}:sso`,
      ]);

      idp.accounts.set('u-1001', { ...idp.accounts.get('u-1001')!, groups: [] });
      const third = await clientOf((await signIn('u-1001')).response);
      assert.equal((await third.get('/api/auth/me')).json().user.isAdmin, false);
      assert.deepEqual(await grantsOf('maria.lind-ek@regionen.se'), ['approver:-:manual']);
    });

    it('keeps a system admin made by hand when the group is missing', async () => {
      idp.accounts.set('u-1002', {
        email: 'olof.nyman@regionen.se',
        name: 'Olof Nyman',
        groups: [],
      });
      await clientOf((await signIn('u-1002')).response);
      const users = (await admin.get('/api/users')).json().items as {
        id: number;
        email: string;
        version: number;
      }[];
      const olof = users.find((user) => user.email === 'olof.nyman@regionen.se')!;
      const made = await admin.patch(`/api/users/${olof.id}`, {
        version: olof.version,
        isAdmin: true,
      });
      assert.equal(made.statusCode, 200, made.body);
      const again = await clientOf((await signIn('u-1002')).response);
      assert.equal((await again.get('/api/auth/me')).json().user.isAdmin, true);
    });

    it('never links a local account by e-mail; an admin can link it explicitly', async () => {
      idp.accounts.set('u-2001', { email: demoPeople.staff, name: 'Elin Bergström', groups: [] });
      const refused = (await signIn('u-2001')).response;
      assertRefused(refused, 401);
      assert.match(refused.body, /redan ett konto/);

      const users = (await admin.get('/api/users')).json().items as { id: number; email: string }[];
      const elin = users.find((user) => user.email === demoPeople.staff)!;
      const link = await admin.post('/api/sso/identities', { userId: elin.id, subject: 'u-2001' });
      assert.equal(link.statusCode, 201, link.body);
      assert.deepEqual(link.json(), {
        id: link.json().id,
        userId: elin.id,
        issuer: idp.issuer,
        subject: 'u-2001',
        adminFromSso: false,
        createdAt: link.json().createdAt,
        lastLoginAt: null,
      });
      const linked = await clientOf((await signIn('u-2001')).response);
      assert.equal((await linked.get('/api/auth/me')).json().user.id, elin.id);
    });

    it('rejects an ID token whose claims were changed after signing', async () => {
      idp.accounts.set('u-3001', { email: 'mallory@regionen.se', name: 'Mallory', groups: [] });
      idp.tamperIdTokens = true;
      try {
        assertRefused((await signIn('u-3001')).response, 401);
      } finally {
        idp.tamperIdTokens = false;
      }
      const users = (await admin.get('/api/users')).json().items as { email: string }[];
      assert.ok(!users.some((user) => user.email === 'mallory@regionen.se'));
    });

    it('rejects a wrong state, a wrong nonce, a missing flow and a replayed callback', async () => {
      idp.accounts.set('u-4001', { email: 'nils.ek@regionen.se', name: 'Nils Ek', groups: [] });
      const wrongState = await signIn('u-4001', {
        alterCallback: (url) => {
          const altered = new URL(url);
          altered.searchParams.set('state', 'ett-annat-state');
          return altered;
        },
      });
      assertRefused(wrongState.response, 401);

      const wrongNonce = await signIn('u-4001', {
        beforeProvider: async () => {
          await t.database.db.updateTable('sso_login_flows').set({ nonce: 'fel-nonce' }).execute();
        },
      });
      assertRefused(wrongNonce.response, 401);

      const good = await signIn('u-4001');
      assert.equal(good.response.statusCode, 302, good.response.body);
      const callbackPath = good.callback.pathname + good.callback.search;
      const replayed = await t.app.inject({
        method: 'GET',
        url: callbackPath,
        headers: { cookie: `${flowCookie}=${good.flowCookie}` },
      });
      assertRefused(replayed, 400);
      assertRefused(await t.app.inject({ method: 'GET', url: callbackPath }), 400);
    });

    it('logs out here and at the provider', async () => {
      idp.accounts.set('u-5001', { email: 'lena.ros@regionen.se', name: 'Lena Ros', groups: [] });
      const browser = new Browser();
      const first = await signIn('u-5001', { browser });
      assert.ok(first.prompts.includes('login'));
      const again = await signIn('u-5001', { browser });
      assert.ok(!again.prompts.includes('login'), 'the provider session is still open');
      const lena = await clientOf(again.response);

      const response = await lena.post('/api/auth/logout');
      assert.equal(response.statusCode, 200, response.body);
      const endSession = new URL(response.json().redirectTo);
      assert.equal(endSession.origin, idp.issuer);
      assert.ok(endSession.searchParams.get('id_token_hint'));
      assert.equal((await lena.get('/api/auth/me')).statusCode, 401);

      const back = await browser.confirmLogout(endSession);
      assert.equal(back.toString(), `${appUrl}/login`);
      const afterLogout = await signIn('u-5001', { browser });
      assert.ok(afterLogout.prompts.includes('login'), 'the provider asks for a login again');
    });

    it('refuses password login when local login is off, except for break-glass accounts', async () => {
      const refused = await t
        .anonymous()
        .post('/api/auth/login', { email: demoPeople.approver, password: demoPassword });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error, 'local_login_disabled');
      const wrong = await t
        .anonymous()
        .post('/api/auth/login', { email: demoPeople.approver, password: 'fel-lösenord-123' });
      assert.equal(wrong.json().error, 'invalid_credentials', 'a wrong password reveals nothing');

      const users = (await admin.get('/api/users')).json().items as {
        id: number;
        email: string;
        version: number;
      }[];
      const anders = users.find((user) => user.email === demoPeople.approver)!;
      const flagged = await admin.patch(`/api/users/${anders.id}`, {
        version: anders.version,
        breakGlass: true,
      });
      assert.equal(flagged.json().breakGlass, true);
      const emergency = await t.login(demoPeople.approver);
      const me = await emergency.get('/api/auth/me');
      assert.equal(me.json().mustEnrolSecondFactor, true, 'and must enrol a second factor first');
    });

    it('answers with a readable page while the provider cannot be reached', async () => {
      const unreachable = await buildApp(
        {
          ...testAppConfig,
          PUBLIC_URL: appUrl,
          OIDC_ISSUER: 'http://127.0.0.1:9',
          OIDC_CLIENT_ID: clientId,
        },
        t.database,
      );
      try {
        const response = await unreachable.inject({ method: 'GET', url: '/auth/oidc/login' });
        assert.equal(response.statusCode, 503);
        assert.match(String(response.headers['content-type']), /text\/html/);
        assert.match(response.body, /svarar inte just nu/);
      } finally {
        await unreachable.close();
      }
    });

    it('validates group mappings and removes them', async () => {
      const noUnit = await admin.post('/api/sso/mappings', {
        target: 'event',
        group: 'lagesbild-rapportor',
        eventId: t.eventId,
        role: 'unit_reporter',
      });
      assert.equal(noUnit.statusCode, 400);
      assert.equal(noUnit.json().details.field, 'unitId');
      const duplicate = await admin.post('/api/sso/mappings', {
        target: 'system_admin',
        group: 'lagesbild-systemadmin',
      });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().error, 'wrong_state');
      const mappings = (await admin.get('/api/sso/mappings')).json().items as {
        id: number;
        groupValue: string;
        createdAt: string;
      }[];
      const stab = mappings.find((mapping) => mapping.groupValue === 'lagesbild-stab')!;
      assert.deepEqual(stab, {
        id: stab.id,
        groupValue: 'lagesbild-stab',
        systemAdmin: false,
        eventId: t.eventId,
        role: 'staff',
        unitId: null,
        createdAt: stab.createdAt,
      });
      const systemAdmin = mappings.find(
        (mapping) => mapping.groupValue === 'lagesbild-systemadmin',
      );
      assert.deepEqual(systemAdmin, {
        id: systemAdmin!.id,
        groupValue: 'lagesbild-systemadmin',
        systemAdmin: true,
        eventId: null,
        role: null,
        unitId: null,
        createdAt: systemAdmin!.createdAt,
      });
      assert.equal((await admin.delete(`/api/sso/mappings/${stab.id}`)).statusCode, 204);
      assert.equal((await admin.delete(`/api/sso/mappings/${stab.id}`)).statusCode, 404);
    });
  });
}
