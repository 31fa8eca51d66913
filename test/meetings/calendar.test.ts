import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { nextOffsetChange, offsetHours } from '../support/clock.ts';
import { testDialects } from '../support/databases.ts';

interface Entry {
  key: string;
  kind: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  internal: boolean;
  link: string;
}

const managers = 'Operativ samordning produktionschefer';

function parseFeed(text: string): Map<string, ICAL.Event> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
  return new Map(
    calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return [event.uid, event];
    }),
  );
}

/** The wall-clock weekday and time of an instant in a zone, as the runtime's Intl shows them. */
function wallClock(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

const dayMs = 86_400_000;

for (const dialect of testDialects()) {
  describe(`event calendar and iCalendar feed on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let base: string;
    let meetingIds: Map<string, number>;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      base = `/api/events/${t.eventId}`;
      const { items } = (await staff.get(`${base}/meetings`, { query: { limit: '500' } })).json();
      meetingIds = new Map(
        items.map((m: { title: string; id: number }) => [m.title, m.id] as [string, number]),
      );
    });
    after(() => t.close());

    async function calendar(client: Client, from: string, to: string): Promise<Entry[]> {
      const response = await client.get(`${base}/calendar`, { query: { from, to } });
      assert.equal(response.statusCode, 200, response.body);
      return response.json().items;
    }

    it('merges meetings, forums, input deadlines, report days and press activities', async () => {
      const week45 = await calendar(staff, '2024-11-03T23:00:00Z', '2024-11-10T23:00:00Z');
      assert.deepEqual([...new Set(week45.map((entry) => entry.kind))].sort(), [
        'forum',
        'input_deadline',
        'meeting',
        'press',
        'report',
      ]);
      const report = week45.find((entry) => entry.kind === 'report')!;
      assert.equal(report.start, '2024-11-05T16:50:00.000Z');
      const deadline = week45.find((entry) => entry.kind === 'input_deadline')!;
      assert.equal(deadline.start, '2024-11-07T11:00:00.000Z');
      const press = week45.find((entry) => entry.kind === 'press')!;
      assert.deepEqual(
        [press.start, press.end, press.allDay],
        ['2024-11-06T23:00:00.000Z', '2024-11-07T23:00:00.000Z', true],
      );
      const steering = week45.filter((entry) => entry.title === 'Programstyrgrupp Millennium');
      assert.deepEqual(
        steering.map((entry) => [entry.kind, entry.start, entry.end]),
        [['forum', '2024-11-08T09:00:00.000Z', '2024-11-08T10:30:00.000Z']],
      );
      const starts = week45.map((entry) => entry.start);
      assert.deepEqual(starts, [...starts].sort());
    });

    it('keeps a weekday 08:30 meeting at 08:30 Stockholm time across the end of summer time', async () => {
      const entries = await calendar(staff, '2024-10-24T00:00:00Z', '2024-10-30T00:00:00Z');
      assert.deepEqual(
        entries.filter((e) => e.kind === 'forum' && e.title === managers).map((e) => e.start),
        [
          '2024-10-24T06:30:00.000Z',
          '2024-10-25T06:30:00.000Z',
          '2024-10-28T07:30:00.000Z',
          '2024-10-29T07:30:00.000Z',
        ],
      );
    });

    it('shows a meeting instead of the regular time of its forum that day', async () => {
      const entries = await calendar(staff, '2024-10-30T23:00:00Z', '2024-10-31T23:00:00Z');
      const ofManagers = entries.filter(
        (entry) => entry.kind === 'meeting' || entry.kind === 'forum',
      );
      assert.deepEqual(
        ofManagers.map((entry) => [entry.kind, entry.title]),
        [['meeting', 'Extra samordningsmöte om akutmottagningen i Borås']],
      );
    });

    it('leaves internal meetings out of a reader’s calendar and refuses long ranges', async () => {
      const range = ['2024-11-07T23:00:00Z', '2024-11-08T23:00:00Z'] as const;
      const forStaff = await calendar(staff, ...range);
      const forReader = await calendar(reader, ...range);
      assert.ok(forStaff.some((e) => e.title === 'Stabsmöte RSO om behörigheter' && e.internal));
      assert.ok(!forReader.some((e) => e.internal));
      assert.equal(forReader.length, forStaff.length - 1);
      const tooLong = await staff.get(`${base}/calendar`, {
        query: { from: '2024-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' },
      });
      assert.equal(tooLong.statusCode, 400);
      assert.equal(tooLong.json().details.field, 'to');
    });

    it('serves a feed that parses, with the right instants and stable UIDs', async () => {
      const created = await staff.post(`${base}/calendar/subscription`);
      assert.equal(created.statusCode, 201, created.body);
      const path = new URL(created.json().url).pathname;
      assert.match(path, /^\/cal\/[A-Za-z0-9_-]+\.ics$/);
      assert.equal((await staff.get(`${base}/calendar/subscription`)).json().active, true);

      const first = await t.anonymous().get(path);
      assert.equal(first.statusCode, 200, first.body);
      assert.match(first.headers['content-type'] as string, /^text\/calendar/);
      const events = parseFeed(first.body);
      const steering = events.get(
        `meeting-${meetingIds.get('Programstyrgrupp Millennium, 1 november')}@lagesbild`,
      )!;
      assert.equal(steering.summary, 'Programstyrgrupp Millennium, 1 november');
      assert.match(first.body, /DTSTART;TZID=Europe\/Stockholm:20241101T100000/);
      assert.equal(steering.startDate.toJSDate().toISOString(), '2024-11-01T09:00:00.000Z');
      assert.equal(steering.endDate.toJSDate().toISOString(), '2024-11-01T10:30:00.000Z');
      const pressConference = [...events.values()].find(
        (event) => event.summary === 'Presskonferens om driftstarten av Millennium',
      )!;
      assert.equal(pressConference.startDate.isDate, true);
      assert.equal(pressConference.startDate.toString(), '2024-11-12');
      const forum = [...events.values()].find((event) => event.summary === managers)!;
      assert.deepEqual([forum.startDate.hour, forum.startDate.minute], [8, 30]);
      const report = [...events.values()].find((event) => event.uid.startsWith('report-'))!;
      assert.equal(report.startDate.toJSDate().toISOString(), '2024-11-05T16:50:00.000Z');

      const again = parseFeed((await t.anonymous().get(path)).body);
      assert.deepEqual([...again.keys()].sort(), [...events.keys()].sort());
    });

    it('keeps a forum’s regular time on the wall clock of the event’s own zone across its switch, in the API and the feed', async () => {
      const admin = await t.login(adminEmail);
      const zone = 'America/New_York';
      const event = await admin.post('/api/events', { name: 'Samverkan New York', timeZone: zone });
      assert.equal(event.statusCode, 201, event.body);
      const eventBase = `/api/events/${event.json().id}`;
      const forum = await admin.post(`${eventBase}/forums`, {
        name: 'Morgonavstämning',
        schedule: { days: [1, 2, 3, 4, 5], time: '08:30', durationMinutes: 30 },
      });
      assert.equal(forum.statusCode, 201, forum.body);
      const switchDay = nextOffsetChange(new Date(), zone);
      const from = new Date(switchDay.getTime() - 30 * dayMs);
      const to = new Date(switchDay.getTime() + 30 * dayMs);
      const entries = (
        await admin.get(`${eventBase}/calendar`, {
          query: { from: from.toISOString(), to: to.toISOString() },
        })
      ).json().items as Entry[];
      const forumTimes = entries.filter((entry) => entry.kind === 'forum');
      assert.ok(forumTimes.length >= 40, `${forumTimes.length} regular times in 60 days`);
      assert.ok(
        forumTimes.some(
          (entry) => offsetHours(new Date(entry.start), zone) !== offsetHours(from, zone),
        ),
      );
      for (const entry of forumTimes) {
        assert.match(wallClock(entry.start, zone), /^(Mon|Tue|Wed|Thu|Fri) 08:30$/, entry.start);
      }

      const created = await admin.post(`${eventBase}/calendar/subscription`);
      assert.equal(created.statusCode, 201, created.body);
      const feed = await t.anonymous().get(new URL(created.json().url).pathname);
      assert.equal(feed.statusCode, 200, feed.body);
      assert.match(feed.body, /BEGIN:VTIMEZONE\r\nTZID:America\/New_York\r\n/);
      assert.doesNotMatch(feed.body, /Europe\/Stockholm/);
      const fromFeed = [...parseFeed(feed.body).values()].filter(
        (item) => item.summary === 'Morgonavstämning',
      );
      assert.ok(fromFeed.length > 0);
      for (const item of fromFeed) {
        assert.deepEqual([item.startDate.hour, item.startDate.minute], [8, 30]);
        const instant = item.startDate.toJSDate().toISOString();
        assert.match(wallClock(instant, zone), /08:30$/, instant);
      }
    });

    it('gives readers a feed without internal items and stops a revoked address', async () => {
      const staffPath = new URL((await staff.post(`${base}/calendar/subscription`)).json().url)
        .pathname;
      const readerPath = new URL((await reader.post(`${base}/calendar/subscription`)).json().url)
        .pathname;
      const internalUid = `meeting-${meetingIds.get('Stabsmöte RSO om behörigheter')}@lagesbild`;
      assert.ok(parseFeed((await t.anonymous().get(staffPath)).body).has(internalUid));
      const readerFeed = parseFeed((await t.anonymous().get(readerPath)).body);
      assert.ok(!readerFeed.has(internalUid));
      assert.ok(readerFeed.size > 0);

      const replaced = new URL((await reader.post(`${base}/calendar/subscription`)).json().url)
        .pathname;
      assert.equal((await t.anonymous().get(readerPath)).statusCode, 404);
      assert.equal((await reader.delete(`${base}/calendar/subscription`)).statusCode, 204);
      assert.equal((await t.anonymous().get(replaced)).statusCode, 404);
      assert.equal((await reader.get(`${base}/calendar/subscription`)).json().active, false);
      assert.equal((await reader.delete(`${base}/calendar/subscription`)).statusCode, 404);
    });
  });
}
