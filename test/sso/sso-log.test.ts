// A refused sign-on is a security event in the log, as a failed password login is: one line at
// level 40 with `security`, the reason and the client's address, and nothing from the provider's
// answer (a code or a state could be replayed by whoever reads the log).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { TestIdentityProvider } from './identity-provider.ts';

const code = 'kod-som-inte-får-synas';
const state = 'state-som-inte-får-synas';

/** The process's security lines, once its log has reached the pipe (give it up to two seconds). */
async function securityEvents(server: ServerProcess): Promise<Record<string, unknown>[]> {
  const read = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.security === 'sso_login_failed');
  for (let waited = 0; read().length === 0 && waited < 2000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}

describe('refused sign-on as a security event', () => {
  const idp = new TestIdentityProvider();
  let database: TestDatabase;
  let server: ServerProcess;

  before(async () => {
    database = await createTestDatabase('sqlite');
    await idp.start('http://127.0.0.1:3000');
    server = await startServerProcess({
      DATABASE_URL: database.url,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'lagesbild',
      OIDC_CLIENT_SECRET: 'hemligheten-för-loggprovet',
    });
  });
  after(async () => {
    await server.stop();
    await idp.stop();
    await database.drop();
  });

  it('logs a callback without its flow with the reason and address, never the code or state', async () => {
    const refused = await fetch(`${server.url}/auth/oidc/callback?code=${code}&state=${state}`, {
      redirect: 'manual',
    });
    assert.equal(refused.status, 400);
    await refused.text();
    const events = await securityEvents(server);
    assert.equal(events.length, 1, server.output());
    const [event] = events;
    assert.deepEqual(
      [event!.level, event!.reason, event!.address, event!.msg],
      [40, 'bad_request', '127.0.0.1', 'Sign-on refused (bad_request)'],
    );
    assert.doesNotMatch(server.output(), new RegExp(`${code}|${state}`));
  });
});
