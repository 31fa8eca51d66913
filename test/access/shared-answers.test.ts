import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declaredRoutes } from '../../src/server/http/guard.ts';
import { demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { loginTo, useRecordedApp } from '../support/query-recorder.ts';

// A route may share its answer between callers only if the answer depends on nothing of the
// caller but whether they read internal items. Every such route is asked by staff on one node and
// by each other role that reads internal items on another (each node works its own answer out):
// the answers must be the same, and a reader's must hold less or the same.
const sameAudienceAsStaff = [
  demoPeople.reporterSas,
  demoPeople.reporterNh,
  demoPeople.communicator,
  demoPeople.approver,
];
// Answers that say when they were worked out are asked for one fixed moment.
const fixedMoment = { '/api/events/:eventId/diversions/board': 'at=2024-11-20T12:00:00.000Z' };

for (const dialect of testDialects()) {
  describe(`routes that share their answers on ${dialect}`, () => {
    const setup = useRecordedApp(dialect);

    const sharedRoutes = () => declaredRoutes(setup.t.app).filter((route) => route.sharedAnswer);

    /** The route's address in the demo event, with a key figure that readers see too. */
    async function addressOf(url: string): Promise<string> {
      const reader = await setup.t.login(demoPeople.reader);
      const figures = (await reader.get(`/api/events/${setup.t.eventId}/figures`)).json();
      const path = url
        .replace(':eventId', String(setup.t.eventId))
        .replace(':figureId', String(figures.items[0].id));
      const query = fixedMoment[url as keyof typeof fixedMoment];
      return query ? `${path}?${query}` : path;
    }

    it('covers the dashboard reads', () => {
      assert.ok(sharedRoutes().length >= 10, JSON.stringify(sharedRoutes()));
      assert.ok(sharedRoutes().every((route) => route.method === 'GET'));
    });

    it('gives every role that reads internal items the answer staff get', async () => {
      const staff = await setup.t.login(demoPeople.staff);
      for (const route of sharedRoutes()) {
        const address = await addressOf(route.url);
        const expected = await staff.get(address);
        assert.equal(expected.statusCode, 200, `${address}: ${expected.body}`);
        for (const email of sameAudienceAsStaff) {
          const other = await loginTo(setup.app, email);
          const answer = await other.get(address);
          assert.equal(answer.statusCode, 200, `${address} as ${email}: ${answer.body}`);
          assert.deepEqual(answer.json(), expected.json(), `${address} as ${email}`);
        }
      }
    });

    it("gives readers on either node the same answer, never staff's", async () => {
      const staff = await setup.t.login(demoPeople.staff);
      const readerHere = await setup.t.login(demoPeople.reader);
      const readerThere = await loginTo(setup.app, demoPeople.reader);
      let differs = 0;
      for (const route of sharedRoutes()) {
        const address = await addressOf(route.url);
        const here = await readerHere.get(address);
        const there = await readerThere.get(address);
        assert.equal(here.statusCode, 200, `${address}: ${here.body}`);
        assert.deepEqual(there.json(), here.json(), address);
        if ((await staff.get(address)).body !== here.body) differs += 1;
      }
      assert.ok(differs > 0, 'the demo has internal items, so some answers must differ');
    });
  });
}
