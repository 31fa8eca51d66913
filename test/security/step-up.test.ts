// Removing a security key, switching TOTP off and making new recovery codes take a fresh second
// factor: a code or a key proved within the last five minutes (a step-up), not the session alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import { Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { SoftwareAuthenticator } from '../support/software-authenticator.ts';

const password = 'Steg-upp-provkonto-2026';
const relyingParty = { rpId: 'localhost', origin: 'http://localhost:3000' };
/** A code of the next time step: what the app shows 30 seconds later. */
const nextCode = (secret: string, steps = 1) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });

for (const dialect of testDialects()) {
  describe(`step-up before removing a second factor on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    const signedInUser = async (local: string) => {
      const email = `${local}@lagesbild.local`;
      const created = await admin.post('/api/users', { email, name: 'Prov Konto', password });
      assert.equal(created.statusCode, 201, created.body);
      return { client: await t.login(email, password), id: created.json().id as number };
    };
    const enrolTotp = async (client: Client) => {
      const { secret } = (await client.post('/api/auth/second-factor/totp')).json();
      const confirmed = await client.post('/api/auth/second-factor/totp/confirm', {
        code: await generate({ secret }),
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      return {
        secret: secret as string,
        recoveryCodes: confirmed.json().recoveryCodes as string[],
      };
    };
    const registerKey = async (client: Client, key: SoftwareAuthenticator) => {
      const { challenge } = (await client.post('/api/auth/second-factor/webauthn/options')).json();
      const registered = await client.post('/api/auth/second-factor/webauthn', {
        name: 'Nyckel',
        response: key.register({ ...relyingParty, challenge }),
      });
      assert.equal(registered.statusCode, 200, registered.body);
      return registered.json().key.id as number;
    };
    const stepUpWithKey = async (client: Client, key: SoftwareAuthenticator, counter?: number) => {
      const options = await client.post('/api/auth/second-factor/step-up/webauthn/options');
      assert.equal(options.statusCode, 200, options.body);
      return client.post('/api/auth/second-factor/step-up/webauthn', {
        response: key.assert({
          ...relyingParty,
          challenge: options.json().challenge,
          ...(counter !== undefined && { counter }),
        }),
      });
    };
    const assertStepUpRequired = (response: { statusCode: number; json(): unknown }) => {
      assert.equal(response.statusCode, 403);
      const body = response.json() as { error: string; message: string };
      assert.equal(body.error, 'step_up_required');
      assert.match(body.message, /^Bekräfta att det är du/);
    };

    it('removes a key only after a key or code was proved again', async () => {
      const { client, id } = await signedInUser('steg.nyckel');
      const key = new SoftwareAuthenticator();
      const keyId = await registerKey(client, key);

      assertStepUpRequired(await client.delete(`/api/auth/second-factor/webauthn/${keyId}`));
      const wrongKey = await stepUpWithKey(client, new SoftwareAuthenticator());
      assert.equal(wrongKey.statusCode, 400, 'a key that is not the user’s proves nothing');
      assertStepUpRequired(await client.delete(`/api/auth/second-factor/webauthn/${keyId}`));

      const stepped = await stepUpWithKey(client, key);
      assert.equal(stepped.statusCode, 200, stepped.body);
      assert.ok(Date.parse(stepped.json().validUntil) > Date.now() + 4 * 60_000);

      const stranger = await signedInUser('steg.framling');
      const { secret } = await enrolTotp(stranger.client);
      const strangerStep = await stranger.client.post('/api/auth/second-factor/step-up', {
        code: await nextCode(secret),
      });
      assert.equal(strangerStep.statusCode, 200, strangerStep.body);
      const notTheirs = await stranger.client.delete(`/api/auth/second-factor/webauthn/${keyId}`);
      assert.equal(notTheirs.statusCode, 404, "another user's key is not found");

      const removed = await client.delete(`/api/auth/second-factor/webauthn/${keyId}`);
      assert.equal(removed.statusCode, 204, removed.body);
      const actions = (
        await t.database.db
          .selectFrom('audit_records')
          .select('action')
          .where('entity_type', '=', 'user')
          .where('entity_id', '=', String(id))
          .execute()
      ).map((row) => row.action);
      assert.ok(actions.includes('auth.step_up'));
      assert.ok(actions.includes('auth.security_key_removed'));
    });

    it('switches TOTP off with a code given with it or after a step-up, not with the session alone', async () => {
      const { client } = await signedInUser('steg.totp');
      const { secret } = await enrolTotp(client);
      assertStepUpRequired(await client.post('/api/auth/second-factor/disable', {}));

      const wrong = await client.post('/api/auth/second-factor/step-up', { code: '000000' });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().details.field, 'code');
      assertStepUpRequired(await client.post('/api/auth/second-factor/disable', {}));

      const stepped = await client.post('/api/auth/second-factor/step-up', {
        code: await nextCode(secret),
      });
      assert.equal(stepped.statusCode, 200, stepped.body);
      const disabled = await client.post('/api/auth/second-factor/disable', {});
      assert.equal(disabled.statusCode, 204, disabled.body);
      assert.equal((await client.get('/api/auth/second-factor')).json().totp, false);
    });

    it('forgets a step-up after five minutes', async () => {
      const { client, id } = await signedInUser('steg.gammal');
      const key = new SoftwareAuthenticator();
      const keyId = await registerKey(client, key);
      assert.equal((await stepUpWithKey(client, key)).statusCode, 200);
      const sixMinutesAgo = new Date(Date.now() - 6 * 60_000).toISOString();
      await t.database.db
        .updateTable('sessions')
        .set({ stepped_up_at: sixMinutesAgo })
        .where('user_id', '=', id)
        .execute();
      assertStepUpRequired(await client.delete(`/api/auth/second-factor/webauthn/${keyId}`));
      assert.equal((await stepUpWithKey(client, key)).statusCode, 200);
      const removed = await client.delete(`/api/auth/second-factor/webauthn/${keyId}`);
      assert.equal(removed.statusCode, 204, removed.body);
    });

    it('makes new recovery codes after a step-up; the old ones stop working', async () => {
      const { client } = await signedInUser('steg.reservkoder');
      const { recoveryCodes } = await enrolTotp(client);
      assertStepUpRequired(await client.post('/api/auth/second-factor/recovery-codes'));

      const stepped = await client.post('/api/auth/second-factor/step-up', {
        code: recoveryCodes[0],
      });
      assert.equal(stepped.statusCode, 200, 'a recovery code is a fresh factor too');
      const renewed = await client.post('/api/auth/second-factor/recovery-codes');
      assert.equal(renewed.statusCode, 200, renewed.body);
      const fresh = renewed.json().recoveryCodes as string[];
      assert.equal(fresh.length, 10);
      assert.equal((await client.get('/api/auth/second-factor')).json().recoveryCodesLeft, 10);

      const old = await client.post('/api/auth/second-factor/step-up', { code: recoveryCodes[1] });
      assert.equal(old.statusCode, 400, 'an old recovery code no longer works');
      const current = await client.post('/api/auth/second-factor/step-up', { code: fresh[0] });
      assert.equal(current.statusCode, 200, current.body);
    });

    it('counts wrong step-up codes as failed logins: five from one address lock it', async () => {
      const { client } = await signedInUser('steg.gissning');
      await enrolTotp(client);
      for (let guess = 0; guess < 5; guess += 1) {
        await client.post('/api/auth/second-factor/step-up', {
          code: String(guess).padStart(6, '0'),
        });
      }
      const locked = await client.post('/api/auth/second-factor/step-up', { code: '999999' });
      assert.equal(locked.statusCode, 429, locked.body);
    });
  });
}
