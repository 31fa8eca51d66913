import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventChangeCount } from '../../src/server/audit/repository.ts';
import { systemActor } from '../../src/server/http/actor.ts';
import { createLogEntry } from '../../src/server/log/service.ts';
import { createUser } from '../../src/server/users/service.ts';
import { demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { loginTo, useRecordedApp } from '../support/query-recorder.ts';

const password = 'Ett-lösenord-för-utomstående-2026';

interface LogPage {
  items: { text: string; internal: boolean }[];
}

for (const dialect of testDialects()) {
  describe(`shared answers of the dashboard's reads on ${dialect}`, () => {
    const setup = useRecordedApp(dialect);
    const { recorder } = setup;
    const logPath = () => `/api/events/${setup.t.eventId}/log?limit=50`;

    /** A log entry written straight to the database, as another node would write it. */
    const writeElsewhere = (text: string, internal: boolean) =>
      createLogEntry(setup.t.database.db, systemActor, setup.t.eventId, {
        occurredAt: new Date().toISOString(),
        text,
        significant: false,
        internal,
      } as Parameters<typeof createLogEntry>[3]);

    const changeCount = async () =>
      (
        await setup.t.database.db
          .selectFrom('events')
          .select(eventChangeCount.as('count'))
          .where('id', '=', setup.t.eventId)
          .executeTakeFirstOrThrow()
      ).count;

    it('counts up the event with every audit record, in the writing transaction', async () => {
      const before = await changeCount();
      await writeElsewhere('Räknaren ökar med en ändring.', false);
      assert.equal(await changeCount(), before + 1);
    });

    it('answers a repeated read without reading the data again', async () => {
      const staff = await loginTo(setup.app, demoPeople.staff);
      const first = await staff.get(logPath());
      assert.equal(first.statusCode, 200, first.body);
      recorder.queries = [];
      const second = await staff.get(logPath());
      assert.equal(second.statusCode, 200);
      assert.equal(second.body, first.body);
      assert.match(String(second.headers['content-type']), /^application\/json/);
      assert.deepEqual(recorder.queries, [['events', 'grants', 'sessions', 'users']]);
    });

    it('works an answer out once for requests that arrive together', async () => {
      const staff = await loginTo(setup.app, demoPeople.staff);
      const logQueries = () => recorder.queries.filter((tables) => tables.includes('log_entries'));
      recorder.queries = [];
      assert.equal(
        (await staff.get(`/api/events/${setup.t.eventId}/log?limit=11`)).statusCode,
        200,
      );
      const alone = logQueries().length;
      assert.ok(alone > 0);
      recorder.queries = [];
      const together = await Promise.all(
        Array.from({ length: 8 }, () => staff.get(`/api/events/${setup.t.eventId}/log?limit=12`)),
      );
      assert.deepEqual(
        together.map((response) => response.statusCode),
        Array(8).fill(200),
      );
      assert.equal(new Set(together.map((response) => response.body)).size, 1);
      assert.equal(logQueries().length, alone);
    });

    it('reads afresh once a change is committed anywhere', async () => {
      const staff = await loginTo(setup.app, demoPeople.staff);
      assert.equal((await staff.get(logPath())).statusCode, 200);
      await writeElsewhere('Reservkraft testad på Norra sjukhuset.', false);
      const page = (await staff.get(logPath())).json() as LogPage;
      assert.ok(page.items.some((item) => item.text === 'Reservkraft testad på Norra sjukhuset.'));
    });

    it('never gives a reader the answer that staff, who read internal items, got', async () => {
      await writeElsewhere('Intern uppgift om läckan i journalsystemet.', true);
      const staff = await loginTo(setup.app, demoPeople.staff);
      const reader = await loginTo(setup.app, demoPeople.reader);
      const staffPage = (await staff.get(logPath())).json() as LogPage;
      assert.ok(staffPage.items.some((item) => item.internal));
      const readerPage = (await reader.get(logPath())).json() as LogPage;
      assert.ok(readerPage.items.length > 0);
      assert.ok(readerPage.items.every((item) => !item.internal));
      const staffAgain = (await staff.get(logPath())).json() as LogPage;
      assert.deepEqual(staffAgain, staffPage);
    });

    it('lets the guard refuse a user without a grant before any shared answer', async () => {
      const staff = await loginTo(setup.app, demoPeople.staff);
      assert.equal((await staff.get(logPath())).statusCode, 200);
      const email = 'utan.behorighet@lagesbild.local';
      await createUser(setup.t.database.db, systemActor, {
        email,
        name: 'Utan Behörighet',
        password,
      });
      const outsider = await loginTo(setup.app, email, password);
      assert.equal((await outsider.get(logPath())).statusCode, 404);
    });
  });
}
