import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { scryptParameters, verifyPassword } from '../../src/server/auth/password.ts';

describe('the scrypt cost of passwords', () => {
  it('is N = 2^15 unless a test run lowers it', () => {
    assert.deepEqual(scryptParameters(undefined), {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    assert.equal(scryptParameters('10').N, 1024);
    assert.equal(scryptParameters('15').N, 32768);
  });

  it('refuses a test cost below 2^10, above 2^15 or not a whole number', () => {
    for (const wrong of ['9', '16', '12.5', '', 'low']) {
      assert.throws(() => scryptParameters(wrong), /LAGESBILD_TEST_PASSWORD_COST must be/);
    }
  });

  it('checks a password against the cost its hash names, not the current one', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('Stabschefens-lösen-2024', salt, 32, {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    const stored = ['scrypt', 32768, 8, 1, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
    assert.equal(await verifyPassword('Stabschefens-lösen-2024', stored), true);
    assert.equal(await verifyPassword('Stabschefens-lösen-2025', stored), false);
  });
});
