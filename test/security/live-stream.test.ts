// The live stream tells each caller only about what they may read, and only while they may: a
// reader hears nothing of internal items, another unit's reporter nothing of a unit's draft, and
// a stream stops delivering at logout, when the account is disabled or the grant withdrawn.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type Client,
  type TestApp,
  adminEmail,
  demoPassword,
  demoPeople,
  startTestApp,
} from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { EventStream, type StreamEvent } from '../support/event-stream.ts';
import { ProcessSession } from '../support/server-process.ts';

/** A change about one entity: ids are per table, so the kind is part of the match. */
const aboutEntity = (kind: string, id: number) => (event: StreamEvent) => {
  if (event.type !== 'change') return false;
  const change = JSON.parse(event.data) as { kind: string; id: string };
  return change.kind === kind && change.id === String(id);
};
const aboutLogEntry = (id: number) => aboutEntity('log_entry', id);
const aboutSituation = (id: number) => aboutEntity('unit_situation', id);

for (const dialect of testDialects()) {
  describe(`who the live stream tells what on ${dialect}`, () => {
    let t: TestApp;
    let baseUrl: string;
    let staff: Client;
    let admin: Client;
    const streams: EventStream[] = [];

    before(async () => {
      t = await startTestApp(dialect);
      baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
      staff = await t.login(demoPeople.staff);
      admin = await t.login(adminEmail);
    });
    after(async () => {
      for (const stream of streams) stream.close();
      await t.close();
    });

    const open = async (email: string) => {
      const session = await ProcessSession.signIn(baseUrl, email, demoPassword);
      const stream = await EventStream.open(session, `/api/events/${t.eventId}/stream`);
      streams.push(stream);
      return { session, stream };
    };
    const logEntry = async (text: string, internal: boolean) => {
      const occurredAt = new Date(Date.now() - 60_000).toISOString();
      const created = await staff.post(`/api/events/${t.eventId}/log`, {
        occurredAt,
        text,
        internal,
      });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id as number;
    };

    it('sends readers no change to an internal item, and no unit another unit’s draft', async () => {
      const reader = await open(demoPeople.reader);
      const sas = await open(demoPeople.reporterSas);
      const nh = await open(demoPeople.reporterNh);
      const witness = await open(demoPeople.staff);
      const internal = await logEntry('Intern anteckning', true);
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      const nhUnit = units.find((unit) => unit.code === 'NH')!.id;
      const nhReporter = await t.login(demoPeople.reporterNh);
      const draft = await nhReporter.request(
        'PUT',
        `/api/events/${t.eventId}/units/${nhUnit}/situations/2024-W51`,
        { overallStatus: 'green', bullets: '- Utkast', internal: false },
      );
      assert.ok(draft.statusCode < 300, draft.body);
      const sentinel = await logEntry('Öppen anteckning', false);

      await witness.stream.waitFor(aboutLogEntry(internal));
      await witness.stream.waitFor(aboutSituation(draft.json().id));
      await nh.stream.waitFor(aboutSituation(draft.json().id));
      for (const { stream } of [reader, sas]) await stream.waitFor(aboutLogEntry(sentinel));
      assert.ok(!reader.stream.events.some(aboutLogEntry(internal)), 'reader: internal entry');
      assert.ok(!reader.stream.events.some(aboutSituation(draft.json().id)), 'reader: draft');
      assert.ok(!sas.stream.events.some(aboutSituation(draft.json().id)), 'other unit: draft');
      assert.ok(sas.stream.events.some(aboutLogEntry(internal)), 'a unit reporter reads internal');
    });

    it('stops at logout, when the account is disabled and when the grant is withdrawn', async () => {
      const loggedOut = await open(demoPeople.reader);
      const disabled = await open(demoPeople.approver);
      const withdrawn = await open(demoPeople.communicator);
      const witness = await open(demoPeople.staff);

      assert.equal((await loggedOut.session.post('/api/auth/logout', {})).status, 204);
      const users = (await admin.get('/api/users')).json().items as {
        id: number;
        email: string;
        version: number;
      }[];
      const approver = users.find((user) => user.email === demoPeople.approver)!;
      const disabling = await admin.patch(`/api/users/${approver.id}`, {
        version: approver.version,
        disabled: true,
      });
      assert.equal(disabling.statusCode, 200, disabling.body);
      const grants = (await admin.get(`/api/events/${t.eventId}/grants`)).json().items as {
        id: number;
        userEmail: string;
      }[];
      for (const grant of grants.filter((item) => item.userEmail === demoPeople.communicator)) {
        const removed = await admin.delete(`/api/events/${t.eventId}/grants/${grant.id}`);
        assert.equal(removed.statusCode, 204, removed.body);
      }

      const afterwards = await logEntry('Efter utloggningen', false);
      await witness.stream.waitFor(aboutLogEntry(afterwards));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const [who, { stream }] of Object.entries({ loggedOut, disabled, withdrawn })) {
        assert.ok(!stream.events.some(aboutLogEntry(afterwards)), who);
      }
    });

    it('answers each caller for all of their streams, and only for theirs', async () => {
      // Several streams of one session share one access check; another session never does.
      const reader = await ProcessSession.signIn(baseUrl, demoPeople.reader, demoPassword);
      const staffSession = await ProcessSession.signIn(baseUrl, demoPeople.staff, demoPassword);
      const path = `/api/events/${t.eventId}/stream`;
      const readerStreams = [
        await EventStream.open(reader, path),
        await EventStream.open(reader, path),
      ];
      const staffStreams = [
        await EventStream.open(staffSession, path),
        await EventStream.open(staffSession, path),
      ];
      streams.push(...readerStreams, ...staffStreams);

      const internal = await logEntry('Intern anteckning till flera strömmar', true);
      const open = await logEntry('Öppen anteckning till flera strömmar', false);
      for (const stream of staffStreams) await stream.waitFor(aboutLogEntry(internal));
      for (const stream of readerStreams) await stream.waitFor(aboutLogEntry(open));
      for (const stream of readerStreams) {
        assert.ok(!stream.events.some(aboutLogEntry(internal)), 'reader: internal entry');
      }

      assert.equal((await reader.post('/api/auth/logout', {})).status, 204);
      const afterwards = await logEntry('Efter utloggningen, till flera strömmar', false);
      for (const stream of staffStreams) await stream.waitFor(aboutLogEntry(afterwards));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const stream of readerStreams) {
        assert.ok(!stream.events.some(aboutLogEntry(afterwards)), 'reader after logout');
      }
    });
  });
}
