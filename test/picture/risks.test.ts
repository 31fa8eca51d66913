import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { createRecord, startRecordsApp } from '../support/records.ts';

interface Risk {
  id: number;
  title: string;
  likelihood: number;
  consequence: number;
  score: number;
  mitigation: string;
  internal: boolean;
  trend: { direction: string; previousScore: number } | null;
  version: number;
  assessments?: { score: number; comment: string; assessedAt: string }[];
}

for (const dialect of testDialects()) {
  describe(`risks on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let url: string;

    before(async () => {
      ({ t, staff, reader, url } = await startRecordsApp(dialect, 'risks'));
    });
    after(() => t.close());

    function create(body: Record<string, unknown> = {}): Promise<Risk> {
      return createRecord(staff, url, {
        title: 'Reservkraften räcker inte',
        likelihood: 2,
        consequence: 3,
        mitigation: 'Extra aggregat beställt.',
        assessedAt: '2024-11-10T09:00:00Z',
        ...body,
      });
    }

    it('shows the demo risks with score and trend, highest score first', async () => {
      const list = (await staff.get(url)).json();
      assert.equal(list.total, 3);
      const scores = list.items.map((risk: Risk) => risk.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
      const beds = list.items.find((risk: Risk) => risk.title.includes('beläggningsgrad'));
      assert.equal(beds.score, 6);
      assert.deepEqual(
        { direction: beds.trend.direction, previousScore: beds.trend.previousScore },
        { direction: 'falling', previousScore: 16 },
      );
    });

    it('keeps each reassessment and shows the trend of the last against the previous', async () => {
      const risk = await create();
      assert.equal(risk.trend, null);
      const worse = await staff.post(`${url}/${risk.id}/assessments`, {
        version: risk.version,
        likelihood: 4,
        consequence: 3,
        comment: 'Leveransen av aggregatet är försenad.',
        assessedAt: '2024-11-12T09:00:00Z',
      });
      assert.equal(worse.statusCode, 201, worse.body);
      assert.equal(worse.json().version, risk.version + 1);
      assert.equal(worse.json().score, 12);
      assert.deepEqual(worse.json().trend.direction, 'rising');
      assert.equal(worse.json().mitigation, 'Extra aggregat beställt.');

      const better = await staff.post(`${url}/${risk.id}/assessments`, {
        version: risk.version + 1,
        likelihood: 1,
        consequence: 3,
        mitigation: 'Aggregatet är installerat.',
        comment: 'Levererat och provkört.',
        assessedAt: '2024-11-14T09:00:00Z',
      });
      assert.equal(better.statusCode, 201, better.body);
      const detail: Risk = (await staff.get(`${url}/${risk.id}`)).json();
      assert.equal(detail.score, 3);
      assert.equal(detail.mitigation, 'Aggregatet är installerat.');
      assert.deepEqual(detail.trend, {
        direction: 'falling',
        previousScore: 12,
        previousAssessedAt: '2024-11-12T09:00:00.000Z',
      });
      assert.deepEqual(
        detail.assessments!.map((assessment) => assessment.score),
        [6, 12, 3],
      );
    });

    it('answers stale writes with 409 and keeps the stored risk and its history', async () => {
      const risk = await create();
      const first = await staff.patch(`${url}/${risk.id}`, {
        version: risk.version,
        title: 'Reservkraft på SÄS',
      });
      assert.equal(first.statusCode, 200, first.body);
      const stalePatch = await staff.patch(`${url}/${risk.id}`, {
        version: risk.version,
        title: 'Gammal rubrik',
      });
      assert.equal(stalePatch.statusCode, 409);
      assert.equal(stalePatch.json().details.current.title, 'Reservkraft på SÄS');
      const staleAssessment = await staff.post(`${url}/${risk.id}/assessments`, {
        version: risk.version,
        likelihood: 4,
        consequence: 4,
      });
      assert.equal(staleAssessment.statusCode, 409);
      const stored: Risk = (await staff.get(`${url}/${risk.id}`)).json();
      assert.equal(stored.title, 'Reservkraft på SÄS');
      assert.equal(stored.score, 6);
      assert.equal(stored.version, risk.version + 1);
      assert.equal(stored.assessments!.length, 1);
    });

    it('never gives a reader an internal risk', async () => {
      const forReader = (await reader.get(url)).json();
      assert.ok(forReader.items.length > 0);
      assert.ok(forReader.items.every((risk: Risk) => !risk.internal));
      const internal = (await staff.get(url)).json().items.find((risk: Risk) => risk.internal);
      assert.ok(internal, 'the demo has an internal risk');
      assert.equal((await reader.get(`${url}/${internal.id}`)).statusCode, 404);
    });

    it('names the field of a validation error', async () => {
      const tooLikely = await staff.post(url, {
        title: 'Fel skala',
        likelihood: 5,
        consequence: 2,
      });
      assert.equal(tooLikely.statusCode, 400);
      assert.ok(
        tooLikely.json().details.fields.some((f: { field: string }) => f.field === 'likelihood'),
      );
      const risk = await create();
      const earlier = await staff.post(`${url}/${risk.id}/assessments`, {
        version: risk.version,
        likelihood: 1,
        consequence: 1,
        assessedAt: '2024-11-01T09:00:00Z',
      });
      assert.equal(earlier.statusCode, 400);
      assert.equal(earlier.json().details.field, 'assessedAt');
    });

    it('refuses a communicator to write risks', async () => {
      const communicator = await t.login(demoPeople.communicator);
      const response = await communicator.post(url, { title: 'X', likelihood: 1, consequence: 1 });
      assert.equal(response.statusCode, 403);
    });
  });
}
