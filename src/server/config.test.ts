import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults that start the embedded database with the demo', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATABASE_URL, 'sqlite:./data/lagesbild.db');
    assert.equal(config.PUBLIC_URL, 'http://127.0.0.1:3000');
    assert.equal(config.LAGESBILD_DEMO, true);
    assert.equal(config.DATABASE_POOL_MAX, 20);
  });

  it('keeps the SQLite database in the systemd state directory when there is one', () => {
    assert.equal(
      loadConfig({ STATE_DIRECTORY: '/var/lib/lagesbild' }).DATABASE_URL,
      'sqlite:/var/lib/lagesbild/lagesbild.db',
    );
    assert.equal(
      loadConfig({ STATE_DIRECTORY: '/var/lib/lagesbild', DATABASE_URL: 'sqlite:/srv/l.db' })
        .DATABASE_URL,
      'sqlite:/srv/l.db',
    );
  });

  it('reads flags and numbers from text', () => {
    const config = loadConfig({
      PORT: '8080',
      LAGESBILD_DEMO: 'false',
      HOST: '0.0.0.0',
      DATABASE_POOL_MAX: '40',
    });
    assert.equal(config.PORT, 8080);
    assert.equal(config.DATABASE_POOL_MAX, 40);
    assert.equal(config.LAGESBILD_DEMO, false);
    assert.equal(config.PUBLIC_URL, 'http://localhost:8080');
  });

  it('names the variable and the value that is wrong', () => {
    assert.throws(
      () => loadConfig({ PORT: '70000' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(
          error.message,
          'Configuration error: PORT must be between 0 and 65535 (got "70000")',
        );
        return true;
      },
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://db' }),
      /DATABASE_URL must start with sqlite:/,
    );
    assert.throws(
      () => loadConfig({ DATABASE_POOL_MAX: '0' }),
      /DATABASE_POOL_MAX must be between 1 and 1000 \(got "0"\)/,
    );
    assert.throws(
      () => loadConfig({ ADMIN_PASSWORD: 'kort' }),
      /ADMIN_PASSWORD must be at least 12 characters/,
    );
    assert.throws(
      () => loadConfig({ PUBLIC_URL: 'inte en adress' }),
      /PUBLIC_URL must be an absolute URL/,
    );
    assert.throws(
      () => loadConfig({ ACCESSIBILITY_CONTACT: 'tillgänglighetsteamet' }),
      /ACCESSIBILITY_CONTACT must be an e-mail address/,
    );
  });

  it('never shows a secret that was given, nor the password inside a URL', () => {
    assert.throws(
      () => loadConfig({ ADMIN_PASSWORD: 'kort-hemlis' }),
      (error: unknown) => {
        assert.equal(
          (error as Error).message,
          'Configuration error: ADMIN_PASSWORD must be at least 12 characters',
        );
        return true;
      },
    );
    assert.throws(
      () => loadConfig({ SMTP_URL: 'http://relay:hemlis@smtp.example.se' }),
      (error: unknown) => {
        assert.match(
          (error as Error).message,
          /\(got "http:\/\/relay:\*\*\*@smtp\.example\.se"\)$/,
        );
        return true;
      },
    );
  });

  it('reads yes/no settings in any case and refuses anything else', () => {
    for (const [value, expected] of [
      ['TRUE', true],
      ['Yes', true],
      ['1', true],
      ['false', false],
      ['NO', false],
      ['0', false],
    ] as const) {
      assert.equal(loadConfig({ METRICS_PUBLIC: value }).METRICS_PUBLIC, expected, value);
      assert.equal(loadConfig({ LAGESBILD_DEMO: value }).LAGESBILD_DEMO, expected, value);
    }
    assert.equal(loadConfig({}).METRICS_PUBLIC, false);
    assert.throws(
      () => loadConfig({ METRICS_PUBLIC: 'ja' }),
      /^Error: Configuration error: METRICS_PUBLIC must be true or false \(also accepted: 1\/0, yes\/no\) \(got "ja"\)$/,
    );
  });

  it('speaks English even when the HTTP API has given zod Swedish messages', () => {
    z.config(z.locales.sv());
    assert.throws(
      () => loadConfig({ SESSION_IDLE_MINUTES: 'tio' }),
      /^Error: Configuration error: SESSION_IDLE_MINUTES Invalid input: expected number, received NaN \(got "tio"\)$/,
    );
  });
});
