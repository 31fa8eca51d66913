import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Diversion {
  id: number;
  facilityId: number;
  categories: string[];
  redirectedTo: string;
  startsAt: string;
  endsAt: string | null;
  internal: boolean;
  version: number;
}

interface BoardEntry {
  facilityCode: string;
  diverting: boolean;
  categories: string[];
  since: string | null;
  redirectedTo: string[];
  diversions: Diversion[];
}

for (const dialect of testDialects()) {
  describe(`diversions on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let diversions: string;
    let boras: number;
    let skene: number;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      diversions = `/api/events/${t.eventId}/diversions`;
      const facilities = (await (await t.login(adminEmail)).get('/api/facilities')).json()
        .items as { id: number; code: string }[];
      boras = facilities.find((facility) => facility.code === 'SÄS-AKM-BORÅS')!.id;
      skene = facilities.find((facility) => facility.code === 'SÄS-AKM-SKENE')!.id;
    });
    after(() => t.close());

    async function board(client: Client, at?: string): Promise<Map<string, BoardEntry>> {
      const query = at ? `?at=${encodeURIComponent(at)}` : '';
      const response = await client.get(`${diversions}/board${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return new Map(
        (response.json().items as BoardEntry[]).map((entry) => [entry.facilityCode, entry]),
      );
    }

    async function create(body: Record<string, unknown>): Promise<Diversion> {
      const response = await staff.post(diversions, body);
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    }

    it('shows the demo diversion at Borås during November and as ended now', async () => {
      const during = await board(reader, '2024-11-15T12:00:00Z');
      const borasThen = during.get('SÄS-AKM-BORÅS')!;
      assert.equal(borasThen.diverting, true);
      assert.deepEqual(borasThen.categories, ['walk_in', 'ambulance', 'secondary_transport']);
      assert.equal(borasThen.since, '2024-11-04T06:00:00.000Z');
      assert.equal(during.get('SÄS-AKM-SKENE')!.diverting, false);

      const beforeTransports = await board(reader, '2024-11-08T12:00:00Z');
      assert.deepEqual(beforeTransports.get('SÄS-AKM-BORÅS')!.categories, ['walk_in', 'ambulance']);
      const afterEnd = await board(reader, '2024-11-22T13:00:00Z');
      assert.equal(afterEnd.get('SÄS-AKM-BORÅS')!.diverting, false);

      const ended = (await reader.get(`${diversions}?state=ended`)).json();
      assert.equal(ended.total, 2);
      assert.ok(ended.items.every((item: Diversion) => item.endsAt === '2024-11-22T13:00:00.000Z'));
      assert.equal((await reader.get(`${diversions}?state=current`)).json().total, 0);
    });

    it('rejects a diversion overlapping another of the same facility and category', async () => {
      const before = (await staff.get(`${diversions}?state=all`)).json().total;
      const overlapping = await staff.post(diversions, {
        facilityId: boras,
        categories: ['ambulance'],
        redirectedTo: 'NÄL',
        startsAt: '2024-11-20T08:00:00Z',
        endsAt: '2024-11-25T08:00:00Z',
      });
      assert.equal(overlapping.statusCode, 400, overlapping.body);
      assert.equal(overlapping.json().details.field, 'categories');
      assert.match(overlapping.json().message, /ambulanser/);
      assert.equal((await staff.get(`${diversions}?state=all`)).json().total, before);

      const otherFlow = await staff.post(diversions, {
        facilityId: boras,
        categories: ['secondary_transport'],
        redirectedTo: 'Skaraborgs Sjukhus',
        startsAt: '2024-11-05T08:00:00Z',
        endsAt: '2024-11-08T08:00:00Z',
      });
      assert.equal(otherFlow.statusCode, 201, otherFlow.body);
      const backToBack = await staff.post(diversions, {
        facilityId: boras,
        categories: ['walk_in'],
        redirectedTo: 'Sahlgrenska',
        startsAt: '2024-11-22T13:00:00Z',
        endsAt: '2024-11-23T13:00:00Z',
      });
      assert.equal(backToBack.statusCode, 201, backToBack.body);
    });

    it('shows the current state on the board and clears it when the diversion ends', async () => {
      const startsAt = new Date(Date.now() - 3_600_000).toISOString();
      const diversion = await create({
        facilityId: skene,
        categories: ['ambulance'],
        redirectedTo: 'Akutmottagningen Borås',
        startsAt,
      });
      const now = (await board(reader)).get('SÄS-AKM-SKENE')!;
      assert.equal(now.diverting, true);
      assert.deepEqual(now.categories, ['ambulance']);
      assert.equal(now.since, startsAt);
      assert.deepEqual(now.redirectedTo, ['Akutmottagningen Borås']);
      const current = (await reader.get(`${diversions}?state=current`)).json();
      assert.deepEqual(
        current.items.map((item: Diversion) => item.id),
        [diversion.id],
      );

      const ended = await staff.post(`${diversions}/${diversion.id}/end`, {
        version: diversion.version,
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.ok(ended.json().endsAt);
      const again = await staff.post(`${diversions}/${diversion.id}/end`, {
        version: ended.json().version,
      });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().error, 'wrong_state');
      assert.equal((await board(reader)).get('SÄS-AKM-SKENE')!.diverting, false);
    });

    it('requires the end to come after the start', async () => {
      const backwards = await staff.post(diversions, {
        facilityId: skene,
        categories: ['walk_in'],
        redirectedTo: 'Borås',
        startsAt: '2024-12-02T08:00:00Z',
        endsAt: '2024-12-01T08:00:00Z',
      });
      assert.equal(backwards.statusCode, 400, backwards.body);
      assert.equal(backwards.json().details.field, 'endsAt');

      const diversion = await create({
        facilityId: skene,
        categories: ['walk_in'],
        redirectedTo: 'Borås',
        startsAt: '2024-12-02T08:00:00Z',
      });
      const earlyEnd = await staff.post(`${diversions}/${diversion.id}/end`, {
        version: diversion.version,
        endsAt: '2024-12-02T07:00:00Z',
      });
      assert.equal(earlyEnd.statusCode, 400, earlyEnd.body);
      assert.equal(earlyEnd.json().details.field, 'endsAt');
    });

    it('answers a stale update with 409 and keeps the stored diversion', async () => {
      const diversion = await create({
        facilityId: skene,
        categories: ['secondary_transport'],
        redirectedTo: 'NÄL',
        startsAt: '2024-12-10T08:00:00Z',
      });
      const first = await staff.patch(`${diversions}/${diversion.id}`, {
        version: diversion.version,
        redirectedTo: 'Sahlgrenska Universitetssjukhuset',
        decisionId: 42,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().decisionId, 42);
      const stale = await staff.patch(`${diversions}/${diversion.id}`, {
        version: diversion.version,
        redirectedTo: 'Skaraborgs Sjukhus',
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().details.current.redirectedTo, 'Sahlgrenska Universitetssjukhuset');
      const staleEnd = await staff.post(`${diversions}/${diversion.id}/end`, {
        version: diversion.version,
        endsAt: '2024-12-11T08:00:00Z',
      });
      assert.equal(staleEnd.statusCode, 409, staleEnd.body);
      const stored = (await staff.get(`${diversions}?state=all&limit=500`))
        .json()
        .items.find((item: Diversion) => item.id === diversion.id);
      assert.equal(stored.redirectedTo, 'Sahlgrenska Universitetssjukhuset');
      assert.equal(stored.endsAt, null);
      assert.equal(stored.version, diversion.version + 1);
    });

    it('never shows a reader an internal diversion', async () => {
      const startsAt = new Date(Date.now() - 60_000).toISOString();
      const secret = await create({
        facilityId: boras,
        categories: ['secondary_transport'],
        redirectedTo: 'Intern plan',
        startsAt,
        internal: true,
      });
      const readerList = (await reader.get(`${diversions}?state=all&limit=500`)).json();
      assert.ok(!readerList.items.some((item: Diversion) => item.id === secret.id));
      assert.equal((await board(reader)).get('SÄS-AKM-BORÅS')!.diverting, false);

      const staffList = (await staff.get(`${diversions}?state=all&limit=500`)).json();
      assert.ok(staffList.items.some((item: Diversion) => item.id === secret.id));
      assert.equal((await board(staff)).get('SÄS-AKM-BORÅS')!.diverting, true);
    });

    it('names the field of a validation error and refuses non-staff writers', async () => {
      const noCategories = await staff.post(diversions, {
        facilityId: boras,
        categories: [],
        redirectedTo: 'NÄL',
        startsAt: '2025-01-01T08:00:00Z',
      });
      assert.equal(noCategories.statusCode, 400);
      assert.equal(noCategories.json().details.fields[0].field, 'categories');

      const unknownFlow = await staff.post(diversions, {
        facilityId: boras,
        categories: ['helicopter'],
        redirectedTo: 'NÄL',
        startsAt: '2025-01-01T08:00:00Z',
      });
      assert.equal(unknownFlow.statusCode, 400);
      assert.match(unknownFlow.json().details.fields[0].field, /^categories/);

      const reporter = await t.login(demoPeople.reporterSas);
      const forbidden = await reporter.post(diversions, {
        facilityId: boras,
        categories: ['walk_in'],
        redirectedTo: 'NÄL',
        startsAt: '2025-01-01T08:00:00Z',
      });
      assert.equal(forbidden.statusCode, 403);
    });
  });
}
