// Browsers refuse WebAuthn when the rpID is an IP address: with PUBLIC_URL naming one, or not set
// at all, security keys are refused with a message and one log line at start; TOTP still works.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import { relyingPartyOf } from '../../src/server/mfa/webauthn.ts';
import { type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startServerProcess } from '../support/server-process.ts';

describe('the relying party of PUBLIC_URL', () => {
  it('is its host name, and none for an IP address or a PUBLIC_URL made from HOST', () => {
    assert.deepEqual(relyingPartyOf('https://lagesbild.region.se'), {
      id: 'lagesbild.region.se',
      origin: 'https://lagesbild.region.se',
    });
    assert.equal(relyingPartyOf('http://localhost:3000')?.id, 'localhost');
    assert.equal(relyingPartyOf('http://127.0.0.1:3000'), null);
    assert.equal(relyingPartyOf('https://10.1.2.3'), null);
    assert.equal(relyingPartyOf('http://[::1]:3000'), null);
    assert.equal(relyingPartyOf('http://localhost:3000', true), null);
  });

  it('says so in one line when the server starts without a host name', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-rp-'));
    const server = await startServerProcess({
      DATABASE_URL: `sqlite:${path.join(folder, 'rp.db')}`,
      LOG_LEVEL: 'warn',
    });
    try {
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.includes('PUBLIC_URL'));
      assert.equal(lines.length, 1, server.output());
      assert.match(lines[0]!, /security keys cannot be enrolled/);
      assert.match(lines[0]!, /TOTP works/);
    } finally {
      await server.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

for (const dialect of testDialects()) {
  describe(`security keys with PUBLIC_URL on an IP address on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect, { PUBLIC_URL: 'http://127.0.0.1:3000' });
    });
    after(() => t.close());

    it('refuses enrolling a key with a message, while TOTP works', async () => {
      const client = await t.login(demoPeople.reader);
      const status = await client.get('/api/auth/second-factor');
      assert.equal(status.json().securityKeysAvailable, false);
      const refused = await client.post('/api/auth/second-factor/webauthn/options');
      assert.equal(refused.statusCode, 409);
      assert.match(refused.json().message, /serverns adress \(PUBLIC_URL\) är en IP-adress/);
      const { secret } = (await client.post('/api/auth/second-factor/totp')).json();
      const confirmed = await client.post('/api/auth/second-factor/totp/confirm', {
        code: await generate({ secret }),
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
    });
  });
}
