import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyPeriodSetup, readPeriodSetup } from '../../src/server/events/periods.ts';
import type { Actor } from '../../src/server/http/actor.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The calendar date of an instant in a zone with a fixed offset (Tokyo has no daylight saving). */
function dateAtOffset(instant: Date, offsetHours: number): string {
  return new Date(instant.getTime() + offsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/** "2026-12-07 10:05" at a fixed offset, worked out without any time-zone library. */
function dateTimeAtOffset(instant: Date, offsetHours: number): string {
  return new Date(instant.getTime() + offsetHours * HOUR_MS)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** The weekday and wall-clock time of an instant in a zone, as the runtime's Intl shows them. */
function wallClock(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** The ISO week key of a calendar date ("2026-W49"). */
function weekKeyOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const actor: Actor = {
  userId: null,
  label: 'Inställningsprov',
  isAdmin: true,
  mustChangePassword: false,
  requestId: null,
};

for (const dialect of testDialects()) {
  describe(`event periods, language and time zone on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let unitIds: number[];

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      const units = (await admin.get('/api/units')).json().items as { id: number }[];
      unitIds = units.slice(0, 2).map((unit) => unit.id);
    });
    after(() => t.close());

    async function createEvent(body: Record<string, unknown>) {
      const created = await admin.post('/api/events', { name: 'Inställningsprov', ...body });
      assert.equal(created.statusCode, 201, created.body);
      return created.json();
    }

    it('carries existing events over with today’s behaviour', async () => {
      const demo = (await admin.get(`/api/events/${t.eventId}`)).json();
      assert.deepEqual(
        {
          deadline: demo.deadline,
          reportCovers: demo.reportCovers,
          language: demo.language,
          timeZone: demo.timeZone,
        },
        {
          deadline: { weekday: 4, time: '12:00' },
          reportCovers: 'current',
          language: 'sv',
          timeZone: 'Europe/Stockholm',
        },
      );
    });

    it('refuses an unknown time zone, deadline or language with a message naming the field', async () => {
      const demo = (await admin.get(`/api/events/${t.eventId}`)).json();
      const cases: [Record<string, unknown>, string][] = [
        [
          { timeZone: 'Mars/Olympus_Mons' },
          'timeZone: Okänd tidszon. Ange en tidszon med dess IANA-namn, till exempel Europe/Stockholm.',
        ],
        [
          { deadline: { weekday: 8, time: '12:00' } },
          'deadline.weekday: Ange veckodag som 1 (måndag) till 7 (söndag).',
        ],
        [
          { deadline: { weekday: 1, time: '24:00' } },
          'deadline.time: Ange klockslaget som TT:MM, till exempel 12:00.',
        ],
        [{ language: 'de' }, 'language: Välj språk: svenska (sv) eller engelska (en).'],
      ];
      for (const [change, message] of cases) {
        const refused = await admin.patch(`/api/events/${t.eventId}`, {
          version: demo.version,
          ...change,
        });
        assert.equal(refused.statusCode, 400, refused.body);
        assert.equal(refused.json().message, message);
      }
      const unchanged = (await admin.get(`/api/events/${t.eventId}`)).json();
      assert.equal(unchanged.version, demo.version);
    });

    it('changes the settings with the version read, and refuses a stale version', async () => {
      const event = await createEvent({});
      const changed = await admin.patch(`/api/events/${event.id}`, {
        version: event.version,
        timeZone: 'Asia/Tokyo',
        language: 'en',
        reportCovers: 'previous',
        deadline: { weekday: 1, time: '08:15' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(
        [changed.json().timeZone, changed.json().language, changed.json().reportCovers],
        ['Asia/Tokyo', 'en', 'previous'],
      );
      assert.deepEqual(changed.json().deadline, { weekday: 1, time: '08:15' });
      const stale = await admin.patch(`/api/events/${event.id}`, {
        version: event.version,
        timeZone: 'UTC',
      });
      assert.equal(stale.statusCode, 409);
    });

    it('refuses to change the period length once units have reported, and allows it before', async () => {
      const demo = (await admin.get(`/api/events/${t.eventId}`)).json();
      const situations = await admin.get(`/api/events/${t.eventId}/situations`);
      assert.ok(situations.json().items.length > 0, 'the demo event has returns');
      const refused = await admin.patch(`/api/events/${t.eventId}`, {
        version: demo.version,
        periodGranularity: 'day',
      });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(
        refused.json().message,
        'Periodens längd kan inte ändras när enheter redan har rapporterat i händelsen. Skapa en ny händelse med den nya periodlängden.',
      );
      const unchanged = (await admin.get(`/api/events/${t.eventId}`)).json();
      assert.deepEqual(
        [unchanged.periodGranularity, unchanged.version],
        [demo.periodGranularity, demo.version],
      );
      const fresh = await createEvent({});
      const changed = await admin.patch(`/api/events/${fresh.id}`, {
        version: fresh.version,
        periodGranularity: 'day',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().periodGranularity, 'day');
    });

    it('reads a period filter and writes export times in the event’s time zone, not Stockholm’s', async () => {
      const event = await createEvent({ periodGranularity: 'day', timeZone: 'Asia/Tokyo' });
      const day = dateAtOffset(new Date(Date.now() - DAY_MS), 9);
      const dayBefore = dateAtOffset(new Date(Date.now() - 2 * DAY_MS), 9);
      const justAfterTokyoMidnight = new Date(Date.parse(`${day}T00:30:00Z`) - 9 * HOUR_MS);
      const base = `/api/events/${event.id}`;
      const entry = await admin.post(`${base}/log`, {
        occurredAt: justAfterTokyoMidnight.toISOString(),
        text: 'Strax efter midnatt i Tokyo',
      });
      assert.equal(entry.statusCode, 201, entry.body);
      const action = await admin.post(`${base}/actions`, {
        text: 'Klar strax efter midnatt i Tokyo',
        ownerName: 'Vakthavande tjänsteman',
        dueAt: justAfterTokyoMidnight.toISOString(),
      });
      assert.equal(action.statusCode, 201, action.body);
      for (const occurredOn of [dayBefore, day]) {
        const activity = await admin.post(`${base}/communication/activities`, {
          occurredOn,
          channels: ['intranet'],
          audience: 'internal',
          title: `Intranätsnotis ${occurredOn}`,
        });
        assert.equal(activity.statusCode, 201, activity.body);
      }
      const texts = async (path: string, field: string) =>
        (
          (await admin.get(`${base}/${path}?period=${day}`)).json().items as Record<
            string,
            string
          >[]
        ).map((item) => item[field]);
      assert.deepEqual(await texts('log', 'text'), ['Strax efter midnatt i Tokyo']);
      assert.deepEqual(await texts('actions', 'text'), ['Klar strax efter midnatt i Tokyo']);
      assert.deepEqual(await texts('communication/activities', 'title'), [`Intranätsnotis ${day}`]);
      const csv = await admin.get(`${base}/log.csv?period=${day}`);
      assert.equal(csv.statusCode, 200, csv.body);
      assert.match(csv.body, new RegExp(`;${day} 00:30;Strax efter midnatt i Tokyo;`));
      const today = dateAtOffset(new Date(), 9);
      assert.match(
        csv.headers['content-disposition'] as string,
        new RegExp(`loggbok-${today}\\.csv`),
      );
    });

    it('edits the name, start, exercise flag and four-eyes rule, and answers a stale version with the current event', async () => {
      const event = await createEvent({});
      const activatedAt = new Date(Date.now() - 3 * DAY_MS).toISOString();
      const changed = await admin.patch(`/api/events/${event.id}`, {
        version: event.version,
        name: 'Värmebölja i länet',
        activatedAt,
        isExercise: true,
        fourEyes: false,
      });
      assert.equal(changed.statusCode, 200, changed.body);
      const { name, isExercise, fourEyes } = changed.json();
      assert.deepEqual(
        { name, isExercise, fourEyes },
        {
          name: 'Värmebölja i länet',
          isExercise: true,
          fourEyes: false,
        },
      );
      assert.equal(Date.parse(changed.json().activatedAt), Date.parse(activatedAt));
      const stale = await admin.patch(`/api/events/${event.id}`, {
        version: event.version,
        name: 'Något annat',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.name, 'Värmebölja i länet');
    });

    it('lays an input request’s default deadline on the event’s weekday and time in its zone', async () => {
      const event = await createEvent({
        timeZone: 'America/New_York',
        deadline: { weekday: 3, time: '09:30' },
      });
      const now = new Date();
      // New York is 4 or 5 hours behind UTC; a week key that is the same at both offsets.
      const week = weekKeyOf(dateAtOffset(new Date(now.getTime() + 7 * DAY_MS), -5));
      const request = await admin.post(`/api/events/${event.id}/input-requests`, {
        period: week,
        unitIds,
      });
      assert.equal(request.statusCode, 201, request.body);
      assert.equal(wallClock(request.json().deadline, 'America/New_York'), 'Wednesday 09:30');
      const mondayOfWeek = request.json().deadline.slice(0, 10);
      assert.equal(weekKeyOf(mondayOfWeek), week);
    });

    it('flags missing returns late after the deadline, and not once a report covers the past period', async () => {
      const event = await createEvent({
        periodGranularity: 'day',
        timeZone: 'Asia/Tokyo',
        reportCovers: 'previous',
        deadline: { weekday: 1, time: '00:30' },
        fourEyes: false,
      });
      const yesterday = dateAtOffset(new Date(Date.now() - DAY_MS), 9);
      const request = await admin.post(`/api/events/${event.id}/input-requests`, {
        period: yesterday,
        unitIds,
      });
      assert.equal(request.statusCode, 201, request.body);
      assert.equal(
        request.json().deadline,
        new Date(Date.parse(`${yesterday}T00:30:00Z`) - 9 * HOUR_MS).toISOString(),
      );
      const url = `/api/events/${event.id}/completeness?period=${yesterday}`;
      const before = (await admin.get(url)).json();
      assert.deepEqual(
        before.units.map((unit: { late: boolean }) => unit.late),
        [true, true],
      );
      assert.equal(before.covered, false);
      const report = await admin.post(`/api/events/${event.id}/reports`, { kind: 'regular' });
      assert.equal(report.statusCode, 201, report.body);
      const afterReport = (await admin.get(url)).json();
      assert.equal(afterReport.covered, true);
      assert.deepEqual(
        afterReport.units.map((unit: { state: string; late: boolean }) => [unit.state, unit.late]),
        [
          ['missing', false],
          ['missing', false],
        ],
      );
    });

    it('does not cover a past period with a report on the current one', async () => {
      const event = await createEvent({ periodGranularity: 'day', timeZone: 'Asia/Tokyo' });
      const yesterday = dateAtOffset(new Date(Date.now() - DAY_MS), 9);
      await admin.post(`/api/events/${event.id}/input-requests`, { period: yesterday, unitIds });
      await admin.post(`/api/events/${event.id}/reports`, { kind: 'regular' });
      const completeness = (
        await admin.get(`/api/events/${event.id}/completeness?period=${yesterday}`)
      ).json();
      assert.equal(completeness.covered, false);
      assert.deepEqual(
        completeness.units.map((unit: { late: boolean }) => unit.late),
        [true, true],
      );
    });

    it('puts the period’s data-as-of into the published report, in the event’s zone and language', async () => {
      for (const language of ['sv', 'en'] as const) {
        const event = await createEvent({
          periodGranularity: 'day',
          timeZone: 'Asia/Tokyo',
          language,
          fourEyes: false,
        });
        const dataAsOf = new Date(Math.floor((Date.now() - HOUR_MS) / 60_000) * 60_000);
        const today = dateAtOffset(new Date(), 9);
        const set = await admin.request('PUT', `/api/events/${event.id}/data-as-of/${today}`, {
          dataAsOf: dataAsOf.toISOString(),
        });
        assert.equal(set.statusCode, 200, set.body);
        const shown = (
          await admin.get(`/api/events/${event.id}/completeness?period=${today}`)
        ).json();
        assert.equal(shown.dataAsOf, dataAsOf.toISOString());
        const started = (
          await admin.post(`/api/events/${event.id}/reports`, { kind: 'regular' })
        ).json();
        const reportUrl = `/api/events/${event.id}/reports/${started.id}`;
        const submitted = (
          await admin.post(`${reportUrl}/submit`, { version: started.version })
        ).json();
        const approved = (
          await admin.post(`${reportUrl}/approve`, { version: submitted.version })
        ).json();
        const published = await admin.post(`${reportUrl}/publish`, { version: approved.version });
        assert.equal(published.statusCode, 200, published.body);
        const markdown = (await admin.get(`/r/${event.id}/${started.number}/rapport.md`)).body;
        const compiledAt = new Date(started.compiledAt);
        const expected =
          language === 'sv'
            ? [
                `Data per ${dateTimeAtOffset(dataAsOf, 9)}`,
                `Sammanställd: ${dateAtOffset(compiledAt, 9)} klockan ${dateTimeAtOffset(compiledAt, 9).slice(11)}`,
              ]
            : [
                `Data as of ${dateTimeAtOffset(dataAsOf, 9)}`,
                `Compiled: ${dateAtOffset(compiledAt, 9)} at ${dateTimeAtOffset(compiledAt, 9).slice(11)}`,
              ];
        for (const line of expected) assert.ok(markdown.includes(line), `${line} in ${markdown}`);
      }
    });

    it('refuses a data-as-of for a period of the other granularity, and a stale version', async () => {
      const event = await createEvent({});
      const wrong = await admin.request('PUT', `/api/events/${event.id}/data-as-of/2024-11-05`, {
        dataAsOf: new Date().toISOString(),
      });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().message, 'Händelsen rapporteras per vecka, till exempel 2024-W45.');
      const url = `/api/events/${event.id}/data-as-of/2024-W45`;
      const first = await admin.request('PUT', url, { dataAsOf: new Date().toISOString() });
      assert.equal(first.statusCode, 200, first.body);
      const second = await admin.request('PUT', url, {
        dataAsOf: new Date().toISOString(),
        version: first.json().version,
      });
      assert.equal(second.json().version, first.json().version + 1);
      const stale = await admin.request('PUT', url, {
        dataAsOf: new Date().toISOString(),
        version: first.json().version,
      });
      assert.equal(stale.statusCode, 409);
    });

    it('reads a period set-up, applies it to a fresh event and reads the same back', async () => {
      const source = await createEvent({
        periodGranularity: 'day',
        timeZone: 'America/New_York',
        language: 'en',
        reportCovers: 'previous',
        deadline: { weekday: 5, time: '16:45' },
      });
      const fresh = await createEvent({});
      const db = t.database.db;
      const setup = await readPeriodSetup(db, source.id);
      assert.deepEqual(setup, {
        granularity: 'day',
        deadline: { weekday: 5, time: '16:45' },
        reportCovers: 'previous',
        language: 'en',
        timeZone: 'America/New_York',
      });
      await db.transaction().execute((trx) => applyPeriodSetup(trx, fresh.id, setup, actor));
      assert.deepEqual(await readPeriodSetup(db, fresh.id), setup);
      await assert.rejects(
        db
          .transaction()
          .execute((trx) =>
            applyPeriodSetup(trx, fresh.id, { ...setup, timeZone: 'Nowhere/Else' }, actor),
          ),
        /Okänd tidszon/,
      );
    });
  });
}
