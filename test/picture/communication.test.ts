import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Item {
  id: number;
  internal: boolean;
  version: number;
  [field: string]: unknown;
}

for (const dialect of testDialects()) {
  describe(`communication on ${dialect}`, () => {
    let t: TestApp;
    let communicator: Client;
    let staff: Client;
    let reader: Client;
    let base: string;

    before(async () => {
      t = await startTestApp(dialect);
      communicator = await t.login(demoPeople.communicator);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      base = `/api/events/${t.eventId}/communication`;
    });
    after(() => t.close());

    async function items(client: Client, path: string, query: Record<string, string> = {}) {
      return (await client.get(`${base}/${path}`, { query: { limit: '500', ...query } })).json()
        .items as Item[];
    }

    it('lets a communicator write communication but not decisions', async () => {
      const activity = await communicator.post(`${base}/activities`, {
        occurredOn: '2024-11-13',
        channels: ['social_media', 'intranet', 'social_media'],
        audience: 'both',
        title: 'Svar på vanliga frågor om inloggning',
        link: 'https://www.vgregion.se/millennium',
      });
      assert.equal(activity.statusCode, 201, activity.body);
      assert.deepEqual(activity.json().channels, ['intranet', 'social_media']);
      const media = await communicator.post(`${base}/media`, {
        period: '2024-W48',
        articleCount: 400,
        themes: ['Utvärdering'],
        tone: 'mixed',
      });
      assert.equal(media.statusCode, 201, media.body);
      const person = await communicator.post(`${base}/spokespersons`, {
        name: 'Lisa Ahlström',
        title: 'Presschef',
        topic: 'Mediefrågor',
        fromDate: '2024-11-12',
      });
      assert.equal(person.statusCode, 201, person.body);
      const decision = await communicator.post(`/api/events/${t.eventId}/decisions`, {
        decidedAt: '2024-11-13T09:00:00Z',
        forum: 'Kommunikationsstaben',
        text: 'Ej tillåtet.',
      });
      assert.equal(decision.statusCode, 403);
      assert.equal((await reader.post(`${base}/activities`, {})).statusCode, 403);
    });

    it('shows the demo media picture per week and filters activities', async () => {
      const week47 = await items(reader, 'media', { period: '2024-W47' });
      assert.equal(week47.length, 1);
      assert.equal(week47[0]!.articleCount, 975);
      assert.ok((week47[0]!.themes as string[]).length > 0);
      const pressConferences = await items(reader, 'activities', { channel: 'press_conference' });
      assert.deepEqual(
        pressConferences.map((item) => item.occurredOn),
        ['2024-11-12'],
      );
      const week45 = await items(reader, 'activities', { period: '2024-W45', order: 'asc' });
      assert.ok(week45.length > 0);
      assert.ok(
        week45.every(
          (item) => item.occurredOn! >= '2024-11-04' && item.occurredOn! <= '2024-11-10',
        ),
      );
      const active = await items(reader, 'spokespersons', { activeOn: '2024-11-28' });
      assert.ok(
        active.every((item) => item.toDate === null || (item.toDate as string) >= '2024-11-28'),
      );
      assert.ok(active.length < (await items(reader, 'spokespersons')).length);
    });

    it('never gives a reader an internal item', async () => {
      for (const path of ['activities', 'spokespersons']) {
        const forStaff = await items(staff, path);
        const forReader = await items(reader, path);
        assert.ok(
          forStaff.some((item) => item.internal),
          `the demo has internal ${path}`,
        );
        assert.ok(forReader.length > 0);
        assert.ok(forReader.every((item) => !item.internal));
      }
      const hidden = await communicator.post(`${base}/media`, {
        period: '2024-W43',
        articleCount: 50,
        tone: 'neutral',
        internal: true,
      });
      assert.equal(hidden.statusCode, 201, hidden.body);
      assert.ok(!(await items(reader, 'media')).some((item) => item.id === hidden.json().id));
      assert.ok((await items(staff, 'media')).some((item) => item.id === hidden.json().id));
    });

    it('answers stale updates with 409 and keeps the stored values', async () => {
      const [activity] = await items(staff, 'activities', { channel: 'press_release' });
      const first = await communicator.patch(`${base}/activities/${activity!.id}`, {
        version: activity!.version,
        title: 'Ny rubrik',
      });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await communicator.patch(`${base}/activities/${activity!.id}`, {
        version: activity!.version,
        title: 'Rubrik från gammal version',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.title, 'Ny rubrik');
      const stored = (await items(staff, 'activities')).find((item) => item.id === activity!.id)!;
      assert.equal(stored.title, 'Ny rubrik');
      assert.equal(stored.version, activity!.version + 1);

      const [picture] = await items(staff, 'media', { period: '2024-W46' });
      const media = await communicator.patch(`${base}/media/${picture!.id}`, {
        version: picture!.version,
        articleCount: 761,
      });
      assert.equal(media.statusCode, 200, media.body);
      const staleMedia = await communicator.patch(`${base}/media/${picture!.id}`, {
        version: picture!.version,
        articleCount: 1,
      });
      assert.equal(staleMedia.statusCode, 409);
      assert.equal((await items(staff, 'media', { period: '2024-W46' }))[0]!.articleCount, 761);

      const [person] = await items(staff, 'spokespersons');
      await communicator.patch(`${base}/spokespersons/${person!.id}`, {
        version: person!.version,
        topic: 'Ny inriktning',
      });
      const stalePerson = await communicator.patch(`${base}/spokespersons/${person!.id}`, {
        version: person!.version,
        topic: 'Gammal inriktning',
      });
      assert.equal(stalePerson.statusCode, 409);
      const storedPerson = (await items(staff, 'spokespersons')).find(
        (item) => item.id === person!.id,
      )!;
      assert.equal(storedPerson.topic, 'Ny inriktning');
    });

    it('names the field of a validation error', async () => {
      const fieldsOf = (body: string) =>
        (JSON.parse(body).details.fields as { field: string }[]).map((f) => f.field);
      const badChannel = await communicator.post(`${base}/activities`, {
        occurredOn: '2024-11-13',
        channels: ['fax'],
        audience: 'external',
        title: 'Fax till redaktionerna',
      });
      assert.equal(badChannel.statusCode, 400);
      assert.ok(fieldsOf(badChannel.body).some((field) => field.startsWith('channels')));
      const badLink = await communicator.post(`${base}/activities`, {
        occurredOn: '2024-11-13',
        channels: ['intranet'],
        audience: 'internal',
        title: 'Skadlig länk',
        link: 'javascript:alert(1)',
      });
      assert.equal(badLink.statusCode, 400);
      assert.deepEqual(fieldsOf(badLink.body), ['link']);
      const samePeriod = await communicator.post(`${base}/media`, {
        period: '2024-W47',
        articleCount: 1,
        tone: 'neutral',
      });
      assert.equal(samePeriod.statusCode, 409);
      assert.equal(samePeriod.json().error, 'wrong_state');
      assert.equal(samePeriod.json().details.field, 'period');
      const dayPeriod = await communicator.post(`${base}/media`, {
        period: '2024-11-20',
        articleCount: 1,
        tone: 'neutral',
      });
      assert.equal(dayPeriod.statusCode, 400);
      assert.equal(dayPeriod.json().details.field, 'period');
      const backwards = await communicator.post(`${base}/spokespersons`, {
        name: 'Nils Ek',
        title: 'Presskontakt',
        fromDate: '2024-11-20',
        toDate: '2024-11-10',
      });
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().details.field, 'toDate');
    });
  });
}
