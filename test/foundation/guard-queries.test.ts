import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { loginTo, useRecordedApp } from '../support/query-recorder.ts';

for (const dialect of testDialects()) {
  describe(`queries of the access guard on ${dialect}`, () => {
    const setup = useRecordedApp(dialect);
    const { recorder } = setup;

    const login = (email: string) => loginTo(setup.app, email);

    it('resolves a session and its user in one query', async () => {
      const client = await login(demoPeople.staff);
      recorder.queries = [];
      assert.equal((await client.get('/api/tokens')).statusCode, 200);
      assert.deepEqual(recorder.before('api_tokens'), [['sessions', 'users']]);
    });

    it("reads the event and the user's grants on an event route in the session's query", async () => {
      const client = await login(demoPeople.reader);
      recorder.queries = [];
      const response = await client.get(`/api/events/${setup.t.eventId}/log`);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(recorder.before('log_entries'), [['events', 'grants', 'sessions', 'users']]);
    });

    it('checks an event route reached with an API token in one more query', async () => {
      const client = await login(demoPeople.reader);
      const created = await client.post('/api/tokens', { name: 'Läsning' });
      assert.equal(created.statusCode, 201, created.body);
      recorder.queries = [];
      const response = await setup.app.inject({
        // Another address than the test before, whose answer is kept for sharing.
        url: `/api/events/${setup.t.eventId}/log?limit=7`,
        headers: { authorization: `Bearer ${created.json().token}` },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(recorder.before('log_entries').slice(-1), [['events', 'grants']]);
    });

    it('still answers 404 for an event the user holds no grant in', async () => {
      const client = await login(demoPeople.reader);
      const missing = await client.get(`/api/events/${setup.t.eventId + 1000}/log`);
      assert.equal(missing.statusCode, 404);
    });

    it('resolves an API token and its user in one query and records its use once a minute', async () => {
      const client = await login(demoPeople.staff);
      const created = await client.post('/api/tokens', { name: 'Mätning' });
      assert.equal(created.statusCode, 201, created.body);
      const headers = { authorization: `Bearer ${created.json().token}` };
      recorder.queries = [];
      assert.equal((await setup.app.inject({ url: '/api/auth/me', headers })).statusCode, 200);
      const firstUse = recorder.queries.length;
      assert.deepEqual(recorder.queries[0], ['api_tokens', 'users']);
      recorder.queries = [];
      assert.equal((await setup.app.inject({ url: '/api/auth/me', headers })).statusCode, 200);
      assert.equal(recorder.queries.length, firstUse - 1, 'the second use writes no timestamp');
      assert.equal(recorder.queries.filter((tables) => tables.includes('api_tokens')).length, 1);
    });
  });
}
