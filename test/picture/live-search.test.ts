import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { indexForSearch } from '../../src/server/search/index-document.ts';
import { type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface StreamMessage {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** Opens the event's SSE stream over real HTTP and collects its messages. */
async function openStream(baseUrl: string, eventId: number, cookie: string, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = { cookie, accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const response = await fetch(`${baseUrl}/api/events/${eventId}/stream`, {
    headers,
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  const messages: StreamMessage[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':') && line.includes(': '))
              .map((line) => [
                line.slice(0, line.indexOf(': ')),
                line.slice(line.indexOf(': ') + 2),
              ]),
          );
          if (fields.event)
            messages.push({
              id: fields.id ?? '',
              event: fields.event,
              data: JSON.parse(fields.data ?? '{}'),
            });
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  const waitFor = async (predicate: (message: StreamMessage) => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`);
  };
  return { messages, waitFor, close: () => controller.abort() };
}

for (const dialect of testDialects()) {
  describe(`live updates and search on ${dialect}`, () => {
    let t: TestApp;
    let baseUrl: string;
    before(async () => {
      t = await startTestApp(dialect);
      baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(() => t.close());

    it('delivers a committed change to a subscriber within a second', async () => {
      const reader = await t.login(demoPeople.reader);
      const stream = await openStream(baseUrl, t.eventId, reader.cookie!);
      const admin = await t.login(adminEmail);
      const event = (await admin.get(`/api/events/${t.eventId}`)).json();
      const started = Date.now();
      const updated = await admin.patch(`/api/events/${t.eventId}`, {
        version: event.version,
        description: 'Ny beskrivning',
      });
      assert.equal(updated.statusCode, 200);
      const message = await stream.waitFor(
        (m) => m.event === 'change' && m.data.kind === 'event',
        1000,
      );
      assert.ok(Date.now() - started < 1000);
      assert.equal(message.data.version, updated.json().version);
      assert.equal(message.data.action, 'event.update');
      stream.close();
    });

    it('replays what a reconnecting subscriber missed after its Last-Event-ID', async () => {
      const staff = await t.login(demoPeople.staff);
      const first = await openStream(baseUrl, t.eventId, staff.cookie!);
      const admin = await t.login(adminEmail);
      let event = (await admin.get(`/api/events/${t.eventId}`)).json();
      await admin.patch(`/api/events/${t.eventId}`, {
        version: event.version,
        background: 'Steg 1',
      });
      const seen = await first.waitFor(
        (m) => m.event === 'change' && m.data.kind === 'event',
        2000,
      );
      first.close();
      event = (await admin.get(`/api/events/${t.eventId}`)).json();
      await admin.patch(`/api/events/${t.eventId}`, {
        version: event.version,
        background: 'Steg 2',
      });
      const second = await openStream(baseUrl, t.eventId, staff.cookie!, seen.id);
      const missed = await second.waitFor(
        (m) => m.event === 'change' && Number(m.id) > Number(seen.id),
        2000,
      );
      assert.equal(missed.data.version, event.version + 1);
      second.close();
    });

    it('does not stream another event to a user without a grant there', async () => {
      const admin = await t.login(adminEmail);
      const other = await admin.post('/api/events', { name: 'Annan händelse' });
      const reader = await t.login(demoPeople.reader);
      const response = await reader.get(`/api/events/${other.json().id}/stream`);
      assert.equal(response.statusCode, 404);
    });

    it('finds Swedish words, keeps å ä ö distinct, and hides internal items from readers', async () => {
      const at = new Date().toISOString();
      const base = { eventId: t.eventId, unitId: null, at };
      await indexForSearch(t.database.db, {
        ...base,
        kind: 'log_entry',
        entityId: 9001,
        title: 'Läget på SÄS',
        body: 'Beläggningsgraden på SÄS är fortsatt hög.',
        internal: false,
      });
      await indexForSearch(t.database.db, {
        ...base,
        kind: 'decision',
        entityId: 9002,
        title: 'Åtgärdsplan',
        body: 'Särskilt team säkrar behörigheter.',
        internal: true,
      });
      const staff = await t.login(demoPeople.staff);
      const reader = await t.login(demoPeople.reader);
      const search = async (client: typeof staff, q: string) =>
        (await client.get(`/api/events/${t.eventId}/search`, { query: { q } }))
          .json()
          .items.map((item: { id: number }) => item.id);

      const probes = async (client: typeof staff, q: string) =>
        (await search(client, q)).filter((id: number) => id > 9000);
      assert.deepEqual(await probes(staff, 'belägg'), [9001], 'prefix');
      if (dialect === 'postgres') {
        assert.deepEqual(await probes(staff, 'beläggningen'), [9001], 'inflected form');
      }
      assert.deepEqual(await probes(staff, 'BELÄGGNINGSGRADEN'), [9001], 'case');
      assert.deepEqual(await probes(staff, 'åtgärdsplan'), [9002]);
      assert.deepEqual(await probes(staff, 'atgardsplan'), [], 'a is not å');
      assert.deepEqual(await probes(reader, 'åtgärdsplan'), [], 'internal hidden from a reader');
      assert.deepEqual(await search(staff, '"); drop table x; --'), []);
      const empty = await staff.get(`/api/events/${t.eventId}/search`, { query: { q: '' } });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().details.fields[0].field, 'q');
    });

    it('finds published reports and lessons, and forgets a removed lesson', async () => {
      const reader = await t.login(demoPeople.reader);
      const kindsOf = async (q: string) =>
        (await reader.get(`/api/events/${t.eventId}/search`, { query: { q } }))
          .json()
          .items.map((item: { kind: string; id: number }) => `${item.kind}`);
      assert.ok((await kindsOf('IT-supporten')).includes('lesson'), 'a demo lesson');
      const reports = await kindsOf('Millennium');
      assert.ok(reports.includes('report'), 'a published report');

      const admin = await t.login(adminEmail);
      const lessons = `/api/events/${t.eventId}/review/lessons`;
      const created = (
        await admin.post(lessons, {
          observation: 'Reservkraften på Östra sjukhuset provades aldrig.',
          recommendation: 'Prova reservkraften varje kvartal.',
          owner: 'Fastighet',
        })
      ).json();
      assert.deepEqual(await kindsOf('reservkraften'), ['lesson']);
      await admin.delete(`${lessons}/${created.id}`, {
        query: { version: String(created.version) },
      });
      assert.deepEqual(await kindsOf('reservkraften'), []);
    });

    it("links a reader's report hit to its published page, and never shows a reader a draft", async () => {
      const reader = await t.login(demoPeople.reader);
      const staff = await t.login(demoPeople.staff);
      const hitsOf = async (client: typeof staff, q: string) =>
        (await client.get(`/api/events/${t.eventId}/search`, { query: { q } }))
          .json()
          .items.filter((item: { kind: string }) => item.kind === 'report')
          .map((item: { id: number; publishedPath: string | null }) => ({
            id: item.id,
            publishedPath: item.publishedPath,
          }));
      const [published] = await hitsOf(reader, 'Millennium');
      const report = (await staff.get(`/api/events/${t.eventId}/reports/${published.id}`)).json();
      assert.equal(report.state, 'published');
      assert.equal(published.publishedPath, `/r/${t.eventId}/${report.number}`);
      assert.equal((await reader.get(published.publishedPath)).statusCode, 200);

      const draft = (
        await staff.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' })
      ).json();
      await indexForSearch(t.database.db, {
        eventId: t.eventId,
        kind: 'report',
        entityId: draft.id,
        title: draft.title,
        body: 'Glasfiberkabeln till Borås är lagad.',
        internal: false,
        at: new Date().toISOString(),
      });
      assert.deepEqual(await hitsOf(reader, 'glasfiberkabeln'), []);
      assert.deepEqual(await hitsOf(staff, 'glasfiberkabeln'), [
        { id: draft.id, publishedPath: null },
      ]);
    });
  });
}
