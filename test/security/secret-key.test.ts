// The TOTP secret is sealed at rest (AES-256-GCM) under the installation's key, which is not in
// the database: a backup or copy of the database alone does not give the secrets away.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import { buildApp } from '../../src/server/app.ts';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { sealStoredTotpSecrets } from '../../src/server/mfa/secrets.ts';
import { SecretBox, isSealed } from '../../src/server/secret-box.ts';
import { defaultKeyFile, loadSecretKey } from '../../src/server/secret-key.ts';
import { Client, type TestApp, adminEmail, startTestApp, testAppConfig } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { testSecretKey } from '../support/secret-key.ts';

const password = 'Nyckelprovets-konto-2026';
const nextCode = (secret: string) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe('the installation key in the configuration', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-key-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('refuses a SECRET_KEY that is not 32 bytes of base64 without showing it', () => {
    assert.throws(
      () => loadConfig({ SECRET_KEY: 'hemligt-men-kort' }),
      (error: Error) =>
        error instanceof ConfigError &&
        error.message ===
          'Configuration error: SECRET_KEY must be 32 random bytes in base64 (create one with: openssl rand -base64 32)',
    );
  });

  it('refuses both SECRET_KEY and SECRET_KEY_FILE', () => {
    assert.throws(
      () => loadConfig({ SECRET_KEY: testSecretKey, SECRET_KEY_FILE: '/etc/lagesbild/secret.key' }),
      /SECRET_KEY_FILE and SECRET_KEY are both set: set only one of them/,
    );
  });

  it('insists on a key for PostgreSQL, saying why', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://lagesbild@db.example.se/lagesbild' });
    assert.throws(
      () => loadSecretKey(config),
      (error: Error) =>
        error instanceof ConfigError &&
        /^Configuration error: SECRET_KEY_FILE \(or SECRET_KEY\) must be set when DATABASE_URL is PostgreSQL: every node needs the same key/.test(
          error.message,
        ) &&
        !error.message.includes('\n'),
    );
  });

  it('makes secret.key with mode 0600 beside a SQLite database on the first start, then reads it', () => {
    const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(folder, 'data', 'l.db')}` });
    const first = loadSecretKey(config);
    const file = defaultKeyFile(config.DATABASE_URL);
    assert.equal(first.createdFile, file);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const again = loadSecretKey(config);
    assert.equal(again.createdFile, null);
    assert.equal(again.box.open(first.box.seal('JBSWY3DPEHPK3PXP', 'x'), 'x'), 'JBSWY3DPEHPK3PXP');
  });

  it('refuses a key file that holds no key, in one line', () => {
    const file = path.join(folder, 'broken.key');
    fs.writeFileSync(file, 'inte en nyckel\n');
    const config = loadConfig({ SECRET_KEY_FILE: file });
    assert.throws(
      () => loadSecretKey(config),
      new RegExp(
        `Configuration error: SECRET_KEY_FILE ${file} must hold 32 random bytes in base64`,
      ),
    );
  });
});

for (const dialect of testDialects()) {
  describe(`TOTP secrets sealed at rest on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    const enrolledUser = async (local: string) => {
      const email = `${local}@lagesbild.local`;
      const created = await admin.post('/api/users', { email, name: 'Prov Konto', password });
      assert.equal(created.statusCode, 201, created.body);
      const client = await t.login(email, password);
      const { secret } = (await client.post('/api/auth/second-factor/totp')).json();
      const confirmed = await client.post('/api/auth/second-factor/totp/confirm', {
        code: await generate({ secret }),
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      return {
        email,
        id: created.json().id as number,
        secret: secret as string,
        recoveryCodes: confirmed.json().recoveryCodes as string[],
      };
    };
    const storedSecret = async (userId: number) =>
      (
        await t.database.db
          .selectFrom('totp_factors')
          .select('secret')
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).secret;
    const codeLogin = async (app: TestApp['app'], email: string, code: string) => {
      const passwordStep = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
      });
      const cookie = passwordStep.cookies.find((c) => c.name === 'lagesbild_second_factor');
      assert.ok(cookie, passwordStep.body);
      return app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor',
        headers: { cookie: `${cookie.name}=${cookie.value}` },
        payload: { code },
      });
    };

    it('stores the secret sealed, never in clear, and codes still sign in', async () => {
      const user = await enrolledUser('sigill.lagrad');
      const stored = await storedSecret(user.id);
      assert.ok(isSealed(stored), stored);
      assert.ok(!stored.includes(user.secret));
      const login = await codeLogin(t.app, user.email, await nextCode(user.secret));
      assert.equal(login.statusCode, 200, login.body);
    });

    it('seals a secret stored in clear at the next start, and rotates to a new key', async () => {
      const user = await enrolledUser('sigill.klartext');
      await t.database.db
        .updateTable('totp_factors')
        .set({ secret: user.secret })
        .where('user_id', '=', user.id)
        .execute();
      const sealing = await sealStoredTotpSecrets(t.database.db, testAppConfig.secrets);
      assert.deepEqual(sealing, { sealed: 1, resealed: 0, unreadable: 0 });
      assert.ok(isSealed(await storedSecret(user.id)));
      assert.equal(
        (await codeLogin(t.app, user.email, await nextCode(user.secret))).statusCode,
        200,
      );

      const newKey = randomBytes(32);
      const rotating = new SecretBox(newKey, Buffer.from(testSecretKey, 'base64'));
      const rotation = await sealStoredTotpSecrets(t.database.db, rotating);
      assert.ok(rotation.resealed >= 2, JSON.stringify(rotation));
      assert.equal(rotation.unreadable, 0);
      assert.ok(new SecretBox(newKey).sealedUnderCurrentKey(await storedSecret(user.id)));
      const back = new SecretBox(Buffer.from(testSecretKey, 'base64'), newKey);
      await sealStoredTotpSecrets(t.database.db, back);
      assert.ok(testAppConfig.secrets.sealedUnderCurrentKey(await storedSecret(user.id)));
    });

    it('answers a clear error under a wrong key, and recovery codes still work', async () => {
      const user = await enrolledUser('sigill.fel.nyckel');
      const wrongKey = { ...testAppConfig, secrets: new SecretBox(randomBytes(32)) };
      const app = await buildApp(wrongKey, t.database);
      try {
        const refused = await codeLogin(app, user.email, await nextCode(user.secret));
        assert.equal(refused.statusCode, 500);
        assert.equal(refused.json().details.field, 'code');
        assert.match(refused.json().message, /servern saknar den nyckel som tvåstegsverifieringen/);
        const recovered = await codeLogin(app, user.email, user.recoveryCodes[0]!);
        assert.equal(recovered.statusCode, 200, recovered.body);
        const counted = await sealStoredTotpSecrets(t.database.db, wrongKey.secrets);
        assert.ok(counted.unreadable >= 1, JSON.stringify(counted));
        assert.equal(counted.sealed + counted.resealed, 0, 'nothing is sealed over');
      } finally {
        await app.close();
      }
    });

    it('does not open a sealed secret moved to another user’s row', async () => {
      const owner = await enrolledUser('sigill.agare');
      const other = await enrolledUser('sigill.annan');
      await t.database.db
        .updateTable('totp_factors')
        .set({ secret: await storedSecret(owner.id) })
        .where('user_id', '=', other.id)
        .execute();
      const moved = await codeLogin(t.app, other.email, await nextCode(owner.secret));
      assert.equal(moved.statusCode, 500, moved.body);
    });
  });
}
