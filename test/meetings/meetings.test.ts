import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startRecordsApp } from '../support/records.ts';

interface Forum {
  id: number;
  name: string;
  schedule: { days: number[]; time: string; durationMinutes: number } | null;
  version: number;
}

interface Meeting {
  id: number;
  forumId: number | null;
  title: string;
  startsAt: string;
  endsAt: string;
  attendees: string[];
  internal: boolean;
  version: number;
  decisions?: { id: number; text: string; meetingId: number | null }[];
  actions?: { id: number; text: string; meetingId: number | null }[];
}

for (const dialect of testDialects()) {
  describe(`forums and meetings on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let base: string;

    before(async () => {
      ({ t, staff, reader, url: base } = await startRecordsApp(dialect));
    });
    after(() => t.close());

    async function createForum(body: Record<string, unknown> = {}): Promise<Forum> {
      const response = await staff.post(`${base}/forums`, {
        name: 'Samverkan med kommunerna',
        mandate: 'Samordnar regionens och kommunernas förberedelser.',
        chairRole: 'Samordnare kommunsamverkan',
        schedule: { days: [1, 3], time: '13:00', durationMinutes: 45 },
        ...body,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    }

    async function createMeeting(body: Record<string, unknown> = {}): Promise<Meeting> {
      const response = await staff.post(`${base}/meetings`, {
        title: 'Avstämning inför helgen',
        startsAt: '2024-11-15T13:00:00Z',
        endsAt: '2024-11-15T14:00:00Z',
        agenda: '1. Bemanning\n2. Läget på akuten',
        attendees: ['Stabschef RSO', 'Produktionschef SÄS'],
        ...body,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    }

    it('lists the demo forums with their regular times', async () => {
      const { items } = (await reader.get(`${base}/forums`)).json() as { items: Forum[] };
      const managers = items.find((f) => f.name === 'Operativ samordning produktionschefer');
      assert.deepEqual(managers?.schedule, {
        days: [1, 2, 3, 4, 5],
        time: '08:30',
        durationMinutes: 30,
      });
      assert.ok(items.some((f) => f.name === 'Programstyrgrupp Millennium'));
    });

    it('creates and changes a forum, refusing a stale version and a bad schedule', async () => {
      const forum = await createForum();
      assert.deepEqual(forum.schedule, { days: [1, 3], time: '13:00', durationMinutes: 45 });
      const changed = await staff.patch(`${base}/forums/${forum.id}`, {
        version: forum.version,
        schedule: null,
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().schedule, null);
      const stale = await staff.patch(`${base}/forums/${forum.id}`, {
        version: forum.version,
        name: 'Något annat',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.schedule, null);
      const badTime = await staff.post(`${base}/forums`, {
        name: 'Kvällsmöte',
        schedule: { days: [1], time: '25:00', durationMinutes: 30 },
      });
      assert.equal(badTime.statusCode, 400);
      assert.match(badTime.body, /TT:MM/);
      const noDays = await staff.post(`${base}/forums`, {
        name: 'Kvällsmöte',
        schedule: { days: [], time: '18:00', durationMinutes: 30 },
      });
      assert.equal(noDays.statusCode, 400);
      const forbidden = await reader.post(`${base}/forums`, { name: 'Läsarens forum' });
      assert.equal(forbidden.statusCode, 403);
    });

    it('creates, reads and changes a meeting; validates times and forum; 409 on a stale version', async () => {
      const forum = await createForum();
      const meeting = await createMeeting({ forumId: forum.id });
      assert.equal(meeting.forumId, forum.id);
      assert.deepEqual(meeting.attendees, ['Stabschef RSO', 'Produktionschef SÄS']);
      const changed = await staff.patch(`${base}/meetings/${meeting.id}`, {
        version: meeting.version,
        minutes: 'Bemanningen är säkrad över helgen.',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      const detail = (await reader.get(`${base}/meetings/${meeting.id}`)).json() as Meeting & {
        minutes: string;
      };
      assert.equal(detail.minutes, 'Bemanningen är säkrad över helgen.');
      const stale = await staff.patch(`${base}/meetings/${meeting.id}`, {
        version: meeting.version,
        title: 'Gammal',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.version, meeting.version + 1);
      const backwards = await staff.patch(`${base}/meetings/${meeting.id}`, {
        version: meeting.version + 1,
        endsAt: '2024-11-15T12:00:00Z',
      });
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().details.field, 'endsAt');
      const unknownForum = await staff.post(`${base}/meetings`, {
        forumId: 999_999,
        title: 'Utan forum',
        startsAt: '2024-11-15T13:00:00Z',
        endsAt: '2024-11-15T14:00:00Z',
      });
      assert.equal(unknownForum.statusCode, 400);
      assert.equal(unknownForum.json().details.field, 'forumId');
    });

    it('shows the decisions and actions recorded in a meeting, and hides internal ones from readers', async () => {
      const meeting = await createMeeting();
      const decision = await staff.post(`${base}/decisions`, {
        decidedAt: '2024-11-15T13:30:00Z',
        forum: 'Operativ samordning produktionschefer',
        text: 'Närakuten i Skene håller öppet till kl. 22 under helgen.',
        meetingId: meeting.id,
      });
      assert.equal(decision.statusCode, 201, decision.body);
      assert.equal(decision.json().meetingId, meeting.id);
      const action = await staff.post(`${base}/actions`, {
        text: 'Boka extra sjuksköterskor till Skene.',
        ownerName: 'Produktionschef SÄS',
        meetingId: meeting.id,
        internal: true,
      });
      assert.equal(action.statusCode, 201, action.body);
      const forStaff = (await staff.get(`${base}/meetings/${meeting.id}`)).json() as Meeting;
      assert.deepEqual(
        forStaff.decisions!.map((d) => d.id),
        [decision.json().id],
      );
      assert.deepEqual(
        forStaff.actions!.map((a) => a.id),
        [action.json().id],
      );
      const forReader = (await reader.get(`${base}/meetings/${meeting.id}`)).json() as Meeting;
      assert.equal(forReader.decisions!.length, 1);
      assert.equal(forReader.actions!.length, 0);
      const wrongMeeting = await staff.post(`${base}/decisions`, {
        decidedAt: '2024-11-15T13:30:00Z',
        forum: 'Staben',
        text: 'Ett beslut.',
        meetingId: 999_999,
      });
      assert.equal(wrongMeeting.statusCode, 400);
      assert.equal(wrongMeeting.json().details.field, 'meetingId');
    });

    it('links the demo decisions to the meetings they were made in', async () => {
      const { items } = (
        await staff.get(`${base}/meetings`, { query: { from: '2024-11-01T00:00:00Z' } })
      ).json() as { items: Meeting[] };
      const steering = items.find((m) => m.title.startsWith('Programstyrgrupp'))!;
      const detail = (await staff.get(`${base}/meetings/${steering.id}`)).json() as Meeting;
      assert.equal(detail.decisions!.length, 1);
      assert.match(detail.decisions![0]!.text, /18 februari 2025/);
      assert.ok(detail.actions!.length >= 1);
    });

    it('deletes meetings and forums only when nothing was recorded in them', async () => {
      const forum = await createForum();
      const meeting = await createMeeting({ forumId: forum.id });
      const busyForum = await staff.delete(`${base}/forums/${forum.id}`);
      assert.equal(busyForum.statusCode, 409);
      await staff.post(`${base}/actions`, {
        text: 'Skicka ut helgens bemanningsplan.',
        ownerName: 'Stabschef RSO',
        meetingId: meeting.id,
      });
      assert.equal((await staff.delete(`${base}/meetings/${meeting.id}`)).statusCode, 409);
      assert.equal((await reader.delete(`${base}/meetings/${meeting.id}`)).statusCode, 403);

      const empty = await createMeeting({ forumId: forum.id, title: 'Inställt möte' });
      assert.equal((await staff.delete(`${base}/meetings/${empty.id}`)).statusCode, 204);
      assert.equal((await staff.get(`${base}/meetings/${empty.id}`)).statusCode, 404);
      const emptyForum = await createForum({ name: 'Tillfälligt forum' });
      assert.equal((await staff.delete(`${base}/forums/${emptyForum.id}`)).statusCode, 204);
      const { items } = (await staff.get(`${base}/forums`)).json() as { items: Forum[] };
      assert.ok(!items.some((f) => f.id === emptyForum.id));
    });

    it('documents the forum, meeting and calendar routes in OpenAPI', async () => {
      const paths = Object.keys((await t.anonymous().get('/api/openapi.json')).json().paths);
      for (const path of [
        '/api/events/{eventId}/forums/{forumId}',
        '/api/events/{eventId}/meetings/{meetingId}',
        '/api/events/{eventId}/calendar',
        '/api/events/{eventId}/calendar/subscription',
      ]) {
        assert.ok(paths.includes(path), path);
      }
    });

    it('hides internal meetings from readers', async () => {
      const secret = await createMeeting({ title: 'Internt stabsmöte', internal: true });
      assert.equal((await reader.get(`${base}/meetings/${secret.id}`)).statusCode, 404);
      const listed = (await reader.get(`${base}/meetings`, { query: { limit: '500' } })).json();
      assert.ok(!listed.items.some((m: Meeting) => m.id === secret.id));
      assert.ok(listed.items.length > 0);
    });
  });
}
