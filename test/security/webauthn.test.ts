import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, type TestApp, adminEmail, sessionCookieOf, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { SoftwareAuthenticator } from '../support/software-authenticator.ts';

const password = 'Stabsnyckel-hemlig-2026';
/** The test app's PUBLIC_URL is http://localhost:3000: the relying party's origin and rpID. */
const relyingParty = { rpId: 'localhost', origin: 'http://localhost:3000' };

for (const dialect of testDialects()) {
  describe(`security keys (WebAuthn) on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    const createUser = async (local: string) => {
      const email = `${local}@lagesbild.local`;
      const created = await admin.post('/api/users', { email, name: 'Prov Konto', password });
      assert.equal(created.statusCode, 201, created.body);
      return { email, id: created.json().id as number };
    };
    const register = async (
      client: Client,
      key: SoftwareAuthenticator,
      name: string,
      at: Partial<typeof relyingParty> = {},
    ) => {
      const options = await client.post('/api/auth/second-factor/webauthn/options');
      assert.equal(options.statusCode, 200, options.body);
      const { challenge, rp } = options.json();
      assert.equal(rp.id, relyingParty.rpId);
      return client.post('/api/auth/second-factor/webauthn', {
        name,
        response: key.register({ ...relyingParty, ...at, challenge }),
      });
    };
    const passwordStep = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    const challengeOf = (response: Awaited<ReturnType<typeof passwordStep>>) => {
      const cookie = response.cookies.find((c) => c.name === 'lagesbild_second_factor');
      assert.ok(cookie, response.body);
      return `${cookie.name}=${cookie.value}`;
    };
    const keyStep = async (
      challenge: string,
      key: SoftwareAuthenticator,
      override: { challenge?: string; rpId?: string; origin?: string; counter?: number } = {},
    ) => {
      const options = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor/webauthn/options',
        headers: { cookie: challenge },
      });
      assert.equal(options.statusCode, 200, options.body);
      return t.app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor/webauthn',
        headers: { cookie: challenge },
        payload: {
          response: key.assert({
            ...relyingParty,
            challenge: options.json().challenge,
            ...override,
          }),
        },
      });
    };
    const auditActions = async (userId: number) =>
      (
        await t.database.db
          .selectFrom('audit_records')
          .select('action')
          .where('entity_type', '=', 'user')
          .where('entity_id', '=', String(userId))
          .execute()
      ).map((row) => row.action);

    it('registers a named key with recovery codes, then asks for it after the password', async () => {
      const { email, id } = await createUser('nyckel.person');
      const client = await t.login(email, password);
      const key = new SoftwareAuthenticator();
      const registered = await register(client, key, 'YubiKey på kontoret');
      assert.equal(registered.statusCode, 200, registered.body);
      assert.equal(registered.json().key.name, 'YubiKey på kontoret');
      assert.equal(registered.json().recoveryCodes.length, 10);
      const status = (await client.get('/api/auth/second-factor')).json();
      assert.equal(status.enabled, true);
      assert.equal(status.totp, false);
      assert.deepEqual(
        status.securityKeys.map((k: { name: string }) => k.name),
        ['YubiKey på kontoret'],
      );

      const second = await register(client, new SoftwareAuthenticator(), 'Reservnyckel');
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().recoveryCodes, null, 'codes come with the first factor only');

      const step = await passwordStep(email);
      assert.deepEqual(step.json(), { secondFactor: ['webauthn'] });
      const ok = await keyStep(challengeOf(step), key);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().user.email, email);
      const signedIn = new Client(t.app, sessionCookieOf(ok), ok.json().csrfToken);
      const used = (await signedIn.get('/api/auth/second-factor')).json().securityKeys[0];
      assert.ok(used.lastUsedAt);
      const stored = await t.database.db
        .selectFrom('webauthn_credentials')
        .select(['counter', 'transports'])
        .where('credential_id', '=', key.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(stored.counter), 1);
      assert.equal(stored.transports, '["usb"]');

      const recovery = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor',
        headers: { cookie: challengeOf(await passwordStep(email)) },
        payload: { code: registered.json().recoveryCodes[0] },
      });
      assert.equal(recovery.statusCode, 200, 'a recovery code works with keys only');
      const actions = await auditActions(id);
      assert.ok(actions.includes('auth.second_factor_enabled'));
    });

    it('refuses a wrong challenge, origin or rpID at registration', async () => {
      const { email } = await createUser('fel.registrering');
      const client = await t.login(email, password);
      const key = new SoftwareAuthenticator();
      await client.post('/api/auth/second-factor/webauthn/options');
      const forged = await client.post('/api/auth/second-factor/webauthn', {
        name: 'Nyckel',
        response: key.register({ ...relyingParty, challenge: 'aW52ZW50ZWQtY2hhbGxlbmdl' }),
      });
      assert.equal(forged.statusCode, 400);
      assert.equal(forged.json().details.field, 'name');
      const wrongOrigin = await register(client, key, 'Nyckel', { origin: 'https://evil.example' });
      assert.equal(wrongOrigin.statusCode, 400);
      const wrongRp = await register(client, key, 'Nyckel', { rpId: 'evil.example' });
      assert.equal(wrongRp.statusCode, 400);
      const noName = await register(client, key, '  ');
      assert.equal(noName.statusCode, 400);
      assert.equal((await client.get('/api/auth/second-factor')).json().enabled, false);
    });

    it('refuses a wrong challenge, origin or rpID at login, five tries in all', async () => {
      const { email } = await createUser('fel.inloggning');
      const key = new SoftwareAuthenticator();
      assert.equal((await register(await t.login(email, password), key, 'Nyckel')).statusCode, 200);
      const challenge = challengeOf(await passwordStep(email));
      const wrongChallenge = await keyStep(challenge, key, { challenge: 'aW52ZW50ZWQ' });
      assert.equal(wrongChallenge.statusCode, 401);
      const wrongOrigin = await keyStep(challenge, key, { origin: 'https://evil.example' });
      assert.equal(wrongOrigin.statusCode, 401);
      const wrongRp = await keyStep(challenge, key, { rpId: 'evil.example' });
      assert.equal(wrongRp.statusCode, 401);
      const otherKey = await keyStep(challenge, new SoftwareAuthenticator());
      assert.equal(otherKey.statusCode, 401);
      const otherPort = await keyStep(challenge, key, { origin: 'http://localhost:3001' });
      assert.equal(otherPort.statusCode, 401);
      const late = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor/webauthn/options',
        headers: { cookie: challenge },
      });
      assert.equal(late.statusCode, 401, 'the password step ended after five failures');
      assert.match(late.json().message, /gått ut/);
    });

    it('refuses a counter that goes backwards and audits it as a security event', async () => {
      const { email, id } = await createUser('klonad.nyckel');
      const key = new SoftwareAuthenticator();
      assert.equal((await register(await t.login(email, password), key, 'Nyckel')).statusCode, 200);
      const first = await keyStep(challengeOf(await passwordStep(email)), key, { counter: 5 });
      assert.equal(first.statusCode, 200, first.body);
      const cloned = await keyStep(challengeOf(await passwordStep(email)), key, { counter: 3 });
      assert.equal(cloned.statusCode, 401);
      const same = await keyStep(challengeOf(await passwordStep(email)), key, { counter: 5 });
      assert.equal(same.statusCode, 401);
      const audits = await t.database.db
        .selectFrom('audit_records')
        .select('after_json')
        .where('action', '=', 'auth.security_key_counter_regression')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audits.map((row) => {
          const after = JSON.parse(row.after_json!);
          return [after.storedCounter, after.reportedCounter];
        }),
        [
          [5, 3],
          [5, 5],
        ],
      );
      const next = await keyStep(challengeOf(await passwordStep(email)), key, { counter: 6 });
      assert.equal(next.statusCode, 200, next.body);
    });

    it('removes one key; with none left the login needs only the password', async () => {
      const { email, id } = await createUser('ta.bort.nyckel');
      const client = await t.login(email, password);
      const key = new SoftwareAuthenticator();
      const registered = await register(client, key, 'Nyckel');
      const keyId = registered.json().key.id as number;
      const stranger = await t.login(adminEmail);
      assert.equal(
        (await stranger.delete(`/api/auth/second-factor/webauthn/${keyId}`)).statusCode,
        404,
        "another user's key is not found",
      );
      const options = await client.post('/api/auth/second-factor/step-up/webauthn/options');
      const stepUp = await client.post('/api/auth/second-factor/step-up/webauthn', {
        response: key.assert({ ...relyingParty, challenge: options.json().challenge }),
      });
      assert.equal(stepUp.statusCode, 200, stepUp.body);
      const removed = await client.delete(`/api/auth/second-factor/webauthn/${keyId}`);
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal((await passwordStep(email)).json().user.email, email);
      assert.ok((await auditActions(id)).includes('auth.security_key_removed'));
    });

    it('counts a key as a factor for a break-glass account', async () => {
      const email = 'nyckel.nodkonto@lagesbild.local';
      const created = await admin.post('/api/users', {
        email,
        name: 'Nödkonto',
        password,
        breakGlass: true,
      });
      assert.equal(created.statusCode, 201, created.body);
      const glass = await passwordStep(email);
      assert.equal(glass.json().mustEnrolSecondFactor, true);
      const client = new Client(t.app, sessionCookieOf(glass), glass.json().csrfToken);
      assert.equal((await client.get('/api/events')).statusCode, 403);
      assert.equal((await register(client, new SoftwareAuthenticator(), 'Nyckel')).statusCode, 200);
      assert.equal((await client.get('/api/events')).statusCode, 200);
      assert.deepEqual((await passwordStep(email)).json(), { secondFactor: ['webauthn'] });
    });
  });
}
