import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodOf, previousPeriod, stockholmLocalToInstant } from '../../src/core/time.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { archiveClosedAt } from '../../src/server/demo/content.ts';
import { type DemoResult, loadDemo } from '../../src/server/demo/seed.ts';
import { demoPassword } from '../support/app.ts';
import {
  FALL_BACK_MONTH,
  SPRING_FORWARD_MONTH,
  previousSwitch,
  previousWeek53Sunday,
} from '../support/clock.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';

// The demo as an installation gets it: the archive closed as history, and a live event laid
// around the moment it loads. Each "now" below is injected, so the test means the same on any day:
// the clock as it is, a spring-forward and a fall-back night in Stockholm, and ISO week 53.
// The services refuse instants after the real clock, so the other moments are the latest before it.
const clock = new Date();
const HOUR_MS = 3_600_000;
const nows: [string, Date][] = [
  ['the clock as it is', clock],
  [
    'the spring-forward night',
    new Date(previousSwitch(clock, SPRING_FORWARD_MONTH).getTime() + HOUR_MS / 2),
  ],
  ['the fall-back night', new Date(previousSwitch(clock, FALL_BACK_MONTH).getTime() - HOUR_MS / 2)],
  ['a Sunday night in ISO week 53', previousWeek53Sunday(clock)],
  ['a Monday at 00:30 in Stockholm', lastMondayHalfPastMidnight(clock)],
];

/** The latest Monday 00:30 Stockholm time before the clock: half an hour into a week. */
function lastMondayHalfPastMidnight(now: Date): Date {
  const thisWeek = periodOf(now, 'week');
  const halfPast = new Date(thisWeek.start.getTime() + HOUR_MS / 2);
  if (halfPast < now) return halfPast;
  return new Date(previousPeriod(thisWeek.key).start.getTime() + HOUR_MS / 2);
}

const DAY_MS = 86_400_000;

for (const dialect of testDialects()) {
  for (const [moment, now] of nows) {
    describe(`the demo loaded at ${moment} on ${dialect}`, () => {
      let testDatabase: TestDatabase;
      let database: Database;
      let demo: DemoResult;
      const week = periodOf(now, 'week');

      before(async () => {
        testDatabase = await createTestDatabase(dialect);
        database = openDatabase(testDatabase.url);
        await migrateToLatest(database);
        demo = (await loadDemo(database.db, { password: demoPassword, now }))!;
      });
      after(async () => {
        await database.close();
        await testDatabase.drop();
      });

      it('keeps Millennium 2024 as a closed archive with its two published reports', async () => {
        const archive = await database.db
          .selectFrom('events')
          .selectAll()
          .where('id', '=', demo.eventId)
          .executeTakeFirstOrThrow();
        assert.equal(archive.state, 'closed');
        assert.equal(new Date(archive.closed_at!).toISOString(), archiveClosedAt);
        const reports = await database.db
          .selectFrom('reports')
          .select(['kind', 'state'])
          .where('event_id', '=', demo.eventId)
          .orderBy('number')
          .execute();
        assert.deepEqual(reports, [
          { kind: 'regular', state: 'published' },
          { kind: 'final', state: 'published' },
        ]);
      });

      it('asks the units for this week, with the two weeks before answered and accepted', async () => {
        const requests = await database.db
          .selectFrom('input_requests')
          .select(['period', 'deadline'])
          .where('event_id', '=', demo.liveEventId)
          .orderBy('period')
          .execute();
        const lastWeek = previousPeriod(week.key);
        assert.deepEqual(
          requests.map((request) => request.period),
          [previousPeriod(lastWeek.key).key, lastWeek.key, week.key],
        );
        const thursdayNoon = new Date(week.start.getTime() + 3 * DAY_MS + 12 * 3_600_000);
        assert.equal(
          new Date(requests[2]!.deadline).toISOString(),
          stockholmLocalToInstant(periodOf(thursdayNoon, 'day').key, '12:00').toISOString(),
          "this week's deadline is Thursday 12:00 in Stockholm",
        );
        const situations = await database.db
          .selectFrom('unit_situations')
          .select(['period', 'state'])
          .where('event_id', '=', demo.liveEventId)
          .execute();
        assert.equal(situations.length, 6);
        assert.ok(situations.every((situation) => situation.state === 'accepted'));
        assert.ok(situations.every((situation) => situation.period < week.key));
      });

      it('lays nothing after the moment it loads, except what is planned ahead', async () => {
        const observations = await database.db
          .selectFrom('figure_observations')
          .select('observed_at as at')
          .where('event_id', '=', demo.liveEventId)
          .execute();
        const entries = await database.db
          .selectFrom('log_entries')
          .select('occurred_at as at')
          .where('event_id', '=', demo.liveEventId)
          .execute();
        assert.ok(observations.length > 0 && entries.length > 0);
        for (const { at } of [...observations, ...entries]) {
          assert.ok(new Date(at).getTime() <= now.getTime(), at);
        }
        const report = await database.db
          .selectFrom('reports')
          .select(['number', 'state', 'published_at'])
          .where('event_id', '=', demo.liveEventId)
          .executeTakeFirstOrThrow();
        assert.equal(report.number, 1);
        assert.equal(report.state, 'published');
        assert.equal(
          periodOf(new Date(report.published_at!), 'week').key,
          previousPeriod(week.key).key,
        );
      });

      it('has a value of every key figure in the current week, whatever the day and hour', async () => {
        const observations = await database.db
          .selectFrom('figure_observations')
          .innerJoin(
            'figure_definitions',
            'figure_definitions.id',
            'figure_observations.definition_id',
          )
          .select(['figure_definitions.key', 'figure_observations.observed_at as at'])
          .where('figure_observations.event_id', '=', demo.liveEventId)
          .execute();
        const inWeek = observations.filter(
          ({ at }) => new Date(at) >= week.start && new Date(at) < week.end,
        );
        assert.deepEqual([...new Set(inWeek.map(({ key }) => key))].sort(), [
          'beläggningsgrad',
          'vantande-akut',
        ]);
      });

      it('has one action overdue, one ahead, a diversion in force and milestones to come', async () => {
        const actions = await database.db
          .selectFrom('actions')
          .select(['due_at', 'state'])
          .where('event_id', '=', demo.liveEventId)
          .execute();
        const pending = actions.filter((action) => action.state !== 'done');
        const overdue = pending.filter((action) => new Date(action.due_at!) < now);
        assert.equal(overdue.length, 1);
        assert.equal(pending.length - overdue.length, 1);
        const diversions = await database.db
          .selectFrom('diversions')
          .select(['starts_at', 'ends_at'])
          .where('event_id', '=', demo.liveEventId)
          .execute();
        assert.equal(diversions.length, 1);
        assert.ok(new Date(diversions[0]!.starts_at) < now && diversions[0]!.ends_at === null);
        const today = periodOf(now, 'day').key;
        const milestones = await database.db
          .selectFrom('milestones')
          .select(['planned_on', 'state'])
          .where('event_id', '=', demo.liveEventId)
          .execute();
        const ahead = milestones.filter((milestone) => String(milestone.planned_on) > today);
        assert.equal(ahead.length, 2);
        assert.ok(ahead.every((milestone) => milestone.state !== 'reached'));
      });
    });
  }
}
