// A calendar feed address outlives the request that made it, so it is bound to what made it: an
// API token needs the calendar:subscribe scope (or *) to make one, the address ends with the
// token, and the feed shows only what its owner, and the token, may read now.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/** A meeting of the demo event that is marked internal. */
const internalMeeting = 'Stabsmöte RSO om behörigheter';

for (const dialect of testDialects()) {
  describe(`calendar feeds made with API tokens on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let subscription: string;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      subscription = `/api/events/${t.eventId}/calendar/subscription`;
    });
    after(() => t.close());

    const createToken = async (scopes: string[]) => {
      const created = await staff.post('/api/tokens', { name: 'Kalenderkoppling', scopes });
      assert.equal(created.statusCode, 201, created.body);
      return created.json() as { id: number; token: string };
    };
    const subscribeWith = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: subscription,
        headers: { authorization: `Bearer ${token}` },
      });
    const feed = async (url: string) => t.anonymous().get(new URL(url).pathname);

    it('refuses a token without the calendar scope', async () => {
      for (const scopes of [['picture:read'], ['picture:read', 'reports:read']]) {
        const { token } = await createToken(scopes);
        const refused = await subscribeWith(token);
        assert.equal(refused.statusCode, 403, scopes.join(' '));
        assert.equal(refused.json().error, 'forbidden');
      }
    });

    it('ends the feed when the token that made it is revoked, and shows no more than it covers', async () => {
      const { id, token } = await createToken(['picture:read', 'calendar:subscribe']);
      const created = await subscribeWith(token);
      assert.equal(created.statusCode, 201, created.body);
      const before = await feed(created.json().url);
      assert.equal(before.statusCode, 200);
      assert.equal(
        before.headers['cache-control'],
        'private, no-store',
        'the feed carries internal items: no cache keeps a copy',
      );
      assert.match(before.body, /BEGIN:VEVENT/);
      assert.doesNotMatch(
        before.body,
        new RegExp(internalMeeting),
        'the token cannot read internal',
      );
      assert.equal((await staff.get(subscription)).json().active, true);

      assert.equal((await staff.delete(`/api/tokens/${id}`)).statusCode, 204);
      assert.equal((await feed(created.json().url)).statusCode, 404);
      assert.equal((await staff.get(subscription)).json().active, false);
    });

    it('shows what the owner may read now, not what they could when it was made', async () => {
      const { token } = await createToken(['*']);
      const created = await subscribeWith(token);
      assert.equal(created.statusCode, 201, created.body);
      assert.match((await feed(created.json().url)).body, new RegExp(internalMeeting));

      const admin = await t.login(adminEmail);
      const grants = (await admin.get(`/api/events/${t.eventId}/grants`)).json().items as {
        id: number;
        userId: number;
        userEmail: string;
        role: string;
      }[];
      const grant = grants.find(
        (candidate) => candidate.userEmail === demoPeople.staff && candidate.role === 'staff',
      )!;
      const userId = grant.userId;
      assert.equal(
        (await admin.post(`/api/events/${t.eventId}/grants`, { userId, role: 'reader' }))
          .statusCode,
        201,
      );
      assert.equal(
        (await admin.delete(`/api/events/${t.eventId}/grants/${grant.id}`)).statusCode,
        204,
      );
      const now = await feed(created.json().url);
      assert.equal(now.statusCode, 200);
      assert.doesNotMatch(now.body, new RegExp(internalMeeting));
    });
  });
}
