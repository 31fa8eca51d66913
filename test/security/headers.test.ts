// What the server tells caches and browsers: no answer a signed-in user read may be stored, only
// public report pages may be cached, and every answer switches off browser features.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`cache and browser-feature headers on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

    it('marks every API answer and the internal report page no-store', async () => {
      const staff = await t.login(demoPeople.staff);
      const answers = {
        login: await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: adminEmail, password: 'fel-lösenord-123' },
        }),
        me: await staff.get('/api/auth/me'),
        event: await staff.get(`/api/events/${t.eventId}`),
        dashboard: await staff.get(`/api/events/${t.eventId}/log`),
        archive: await staff.get(`/api/events/${t.eventId}/archive`),
        refused: await t.anonymous().get(`/api/events/${t.eventId}`),
        internalPage: await staff.get(`/r/${t.eventId}/1/intern`),
        internalFile: await staff.get(`/r/${t.eventId}/1/intern/rapport.md`),
      };
      for (const [name, response] of Object.entries(answers)) {
        assert.equal(response.headers['cache-control']?.includes('no-store'), true, name);
        assert.doesNotMatch(String(response.headers['cache-control']), /max-age/, name);
      }
      assert.equal(answers.internalPage.statusCode, 200);
    });

    it('lets public report pages be cached, and sends a Permissions-Policy everywhere', async () => {
      const page = await t.anonymous().get(`/r/${t.eventId}/1`);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'public, max-age=300');
      const staff = await t.login(demoPeople.staff);
      for (const response of [page, await staff.get(`/api/events/${t.eventId}`)]) {
        const policy = String(response.headers['permissions-policy']);
        for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) {
          assert.match(policy, new RegExp(`${feature}=\\(\\)`));
        }
      }
    });
  });
}
