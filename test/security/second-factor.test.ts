import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import {
  Client,
  type TestApp,
  adminEmail,
  demoPassword,
  demoPeople,
  sessionCookieOf,
  startTestApp,
} from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const password = 'Tvastegs-provkonto-2026';
/** A code of the next time step: what the app shows 30 seconds later. */
const nextCode = (secret: string) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

for (const dialect of testDialects()) {
  describe(`second factor on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      await enrol(admin);
    });
    after(() => t.close());

    const createUser = async (local: string, extra: object = {}) => {
      const email = `${local}@lagesbild.local`;
      const created = await admin.post('/api/users', {
        email,
        name: 'Prov Konto',
        password,
        ...extra,
      });
      assert.equal(created.statusCode, 201, created.body);
      return { email, id: created.json().id as number };
    };
    const passwordStep = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    const challengeOf = (response: Awaited<ReturnType<typeof passwordStep>>) => {
      const cookie = response.cookies.find((c) => c.name === 'lagesbild_second_factor');
      assert.ok(cookie, response.body);
      return `${cookie.name}=${cookie.value}`;
    };
    const codeStep = (challenge: string, code: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor',
        headers: { cookie: challenge },
        payload: { code },
      });
    const enrol = async (client: Client) => {
      const started = await client.post('/api/auth/second-factor/totp');
      assert.equal(started.statusCode, 200, started.body);
      const { secret, uri, qrCodeSvg } = started.json();
      assert.match(uri, /^otpauth:\/\/totp\//);
      assert.match(qrCodeSvg, /^<svg/);
      const confirmed = await client.post('/api/auth/second-factor/totp/confirm', {
        code: await generate({ secret }),
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      return {
        secret: secret as string,
        recoveryCodes: confirmed.json().recoveryCodes as string[],
      };
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

    it('enrols, then asks for a code after the password, and refuses a wrong or reused one', async () => {
      const { email } = await createUser('totp.person');
      const { secret, recoveryCodes } = await enrol(await t.login(email, password));
      assert.equal(recoveryCodes.length, 10);
      assert.equal(new Set(recoveryCodes).size, 10);

      const step = await passwordStep(email);
      assert.deepEqual(step.json(), { secondFactor: ['totp'] });
      assert.equal(
        step.cookies.find((c) => c.name === 'lagesbild_session'),
        undefined,
      );
      const challenge = challengeOf(step);

      const wrong = await codeStep(challenge, '000000');
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().details.field, 'code');

      // The confirmation used the current step: its code cannot open a session.
      const reused = await codeStep(challenge, await generate({ secret }));
      assert.equal(reused.statusCode, 401);

      const code = await nextCode(secret);
      const ok = await codeStep(challenge, code);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().user.email, email);
      const client = new Client(t.app, sessionCookieOf(ok), ok.json().csrfToken);
      assert.equal((await client.get('/api/auth/me')).statusCode, 200);

      const again = await codeStep(challengeOf(await passwordStep(email)), code);
      assert.equal(again.statusCode, 401, 'a code cannot be used twice in its window');
      const secretSent = (await client.get('/api/auth/second-factor')).body;
      assert.doesNotMatch(secretSent, new RegExp(secret));
    });

    it('accepts a recovery code once', async () => {
      const { email } = await createUser('recovery.person');
      const { recoveryCodes } = await enrol(await t.login(email, password));
      const first = await codeStep(challengeOf(await passwordStep(email)), recoveryCodes[0]!);
      assert.equal(first.statusCode, 200, first.body);
      const second = await codeStep(challengeOf(await passwordStep(email)), recoveryCodes[0]!);
      assert.equal(second.statusCode, 401);
      const client = new Client(t.app, sessionCookieOf(first), first.json().csrfToken);
      assert.equal((await client.get('/api/auth/second-factor')).json().recoveryCodesLeft, 9);
    });

    it('ends the password step after five wrong codes', async () => {
      const { email } = await createUser('guessing.person');
      const { secret } = await enrol(await t.login(email, password));
      const challenge = challengeOf(await passwordStep(email));
      for (let guess = 0; guess < 5; guess++) {
        assert.equal((await codeStep(challenge, String(100000 + guess))).statusCode, 401);
      }
      const late = await codeStep(challenge, await nextCode(secret));
      assert.equal(late.statusCode, 401);
      assert.match(late.json().message, /gått ut/);
    });

    it('requires enrolment of staff under the policy, and always of break-glass accounts', async () => {
      const policy = await admin.request('PUT', '/api/admin/second-factor-policy', {
        requiredForStaff: true,
      });
      assert.equal(policy.statusCode, 200, policy.body);
      assert.equal(policy.json().requiredForStaff, true);

      const staff = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: demoPeople.staff, password: demoPassword },
      });
      assert.equal(staff.json().mustEnrolSecondFactor, true);
      const client = new Client(t.app, sessionCookieOf(staff), staff.json().csrfToken);
      const blocked = await client.get('/api/events');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error, 'second_factor_enrolment_required');
      assert.equal((await client.get('/api/auth/second-factor')).json().required, true);
      await enrol(client);
      assert.equal((await client.get('/api/events')).statusCode, 200);

      const reader = await t.login(demoPeople.reader);
      assert.equal((await reader.get('/api/events')).statusCode, 200, 'readers are not staff');

      await admin.request('PUT', '/api/admin/second-factor-policy', { requiredForStaff: false });
      const { email } = await createUser('nodkonto', { breakGlass: true });
      const glass = await passwordStep(email);
      assert.equal(glass.json().mustEnrolSecondFactor, true);
      const glassClient = new Client(t.app, sessionCookieOf(glass), glass.json().csrfToken);
      assert.equal((await glassClient.get('/api/events')).statusCode, 403);
      const { secret } = await enrol(glassClient);
      assert.deepEqual((await passwordStep(email)).json(), { secondFactor: ['totp'] });
      assert.ok(secret);
    });

    it('narrows open sessions at their next request when the policy is switched on, and frees them when it is off', async () => {
      const staff = await t.login(demoPeople.communicator);
      const reader = await t.login(demoPeople.reader);
      assert.equal((await staff.get('/api/events')).statusCode, 200);

      await admin.request('PUT', '/api/admin/second-factor-policy', { requiredForStaff: true });
      const blocked = await staff.get('/api/events');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error, 'second_factor_enrolment_required');
      assert.equal((await reader.get('/api/events')).statusCode, 200, 'readers are not staff');

      await admin.request('PUT', '/api/admin/second-factor-policy', { requiredForStaff: false });
      assert.equal((await staff.get('/api/events')).statusCode, 200);
    });

    it('disables with a current code or by an admin, audited either way', async () => {
      const own = await createUser('disabling.person');
      const client = await t.login(own.email, password);
      const { secret } = await enrol(client);
      const wrong = await client.post('/api/auth/second-factor/disable', { code: '123456' });
      assert.equal(wrong.statusCode, 400);
      const disabled = await client.post('/api/auth/second-factor/disable', {
        code: await nextCode(secret),
      });
      assert.equal(disabled.statusCode, 204, disabled.body);
      assert.equal((await passwordStep(own.email)).json().user.email, own.email);
      assert.ok((await auditActions(own.id)).includes('auth.second_factor_disabled'));

      const lost = await createUser('lost.phone');
      await enrol(await t.login(lost.email, password));
      const reset = await admin.delete(`/api/users/${lost.id}/second-factor`);
      assert.equal(reset.statusCode, 204, reset.body);
      assert.equal((await passwordStep(lost.email)).json().user.email, lost.email);
      const actions = await auditActions(lost.id);
      assert.ok(actions.includes('auth.second_factor_enabled'));
      assert.ok(actions.includes('user.second_factor_reset'));
    });
  });
}
