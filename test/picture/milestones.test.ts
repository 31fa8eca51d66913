import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Milestone {
  id: number;
  title: string;
  plannedOn: string;
  originalOn: string;
  state: 'upcoming' | 'reached' | 'moved';
  reachedAt: string | null;
  internal: boolean;
  version: number;
}

interface Change {
  kind: string;
  previousOn: string | null;
  newOn: string | null;
  reason: string;
  decisionId: number | null;
  decision: { forum: string } | null;
  changedBy: number | null;
}

interface Section {
  key: string;
  data: { internal: { type: string; items?: string[]; rows?: string[][] }[] };
}

for (const dialect of testDialects()) {
  describe(`milestones on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    let reader: Client;
    let url: string;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
      reader = await t.login(demoPeople.reader);
      url = `/api/events/${t.eventId}/milestones`;
    });
    after(() => t.close());

    async function create(body: Record<string, unknown> = {}): Promise<Milestone> {
      const response = await staff.post(url, {
        title: 'Journalen öppnas för invånarna i 1177',
        plannedOn: '2025-03-04',
        ...body,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    }

    it('lists the demo milestones by date, with the municipalities moved by the steering group', async () => {
      const items: Milestone[] = (await staff.get(url)).json().items;
      const dates = items.map((item) => item.plannedOn);
      assert.deepEqual(dates, [...dates].sort());
      const municipalities = items.find((item) => item.title.startsWith('Kommunerna'))!;
      assert.equal(municipalities.state, 'moved');
      assert.equal(municipalities.originalOn, '2024-11-19');
      assert.equal(municipalities.plannedOn, '2025-02-18');
      const detail = (await staff.get(`${url}/${municipalities.id}`)).json();
      const move = (detail.history as Change[]).find((change) => change.kind === 'moved')!;
      assert.equal(move.previousOn, '2024-11-19');
      assert.equal(move.newOn, '2025-02-18');
      assert.equal(move.decision?.forum, 'Programstyrgrupp Millennium');
      assert.equal(items.find((item) => item.title.startsWith('Driftstart'))!.state, 'reached');
    });

    it('creates, edits, moves and reaches a milestone and keeps every change as history', async () => {
      const milestone = await create();
      assert.equal(milestone.state, 'upcoming');
      const edited = await staff.patch(`${url}/${milestone.id}`, {
        version: milestone.version,
        description: 'Invånarna kan läsa sin journal i 1177.',
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const decision = (
        await staff.post(`/api/events/${t.eventId}/decisions`, {
          decidedAt: '2024-11-20T09:00:00Z',
          forum: 'Programstyrgrupp Millennium',
          text: 'Invånarnas tillgång till journalen skjuts en vecka.',
        })
      ).json();
      const moved = await staff.post(`${url}/${milestone.id}/move`, {
        version: edited.json().version,
        plannedOn: '2025-03-11',
        reason: 'Inloggningen behöver testas en vecka till.',
        decisionId: decision.id,
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().state, 'moved');
      assert.equal(moved.json().plannedOn, '2025-03-11');
      assert.equal(moved.json().originalOn, '2025-03-04');
      const reached = await staff.post(`${url}/${milestone.id}/reach`, {
        version: moved.json().version,
        reachedAt: '2025-03-11T08:00:00+01:00',
      });
      assert.equal(reached.statusCode, 200, reached.body);
      assert.equal(reached.json().reachedAt, '2025-03-11T07:00:00.000Z');
      const again = await staff.post(`${url}/${milestone.id}/move`, {
        version: reached.json().version,
        plannedOn: '2025-04-01',
        reason: 'För sent.',
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error, 'wrong_state');

      const detail = (await staff.get(`${url}/${milestone.id}`)).json();
      const history = detail.history as Change[];
      assert.deepEqual(
        history.map((change) => [change.kind, change.previousOn, change.newOn]),
        [
          ['created', null, '2025-03-04'],
          ['moved', '2025-03-04', '2025-03-11'],
          ['reached', '2025-03-11', '2025-03-11'],
        ],
      );
      assert.equal(history[1]!.decisionId, decision.id);
      assert.equal(history[1]!.reason, 'Inloggningen behöver testas en vecka till.');
      assert.ok(history.every((change) => change.changedBy !== null));
    });

    it('answers a stale update with 409 and the current milestone, changing nothing', async () => {
      const milestone = await create();
      const first = await staff.patch(`${url}/${milestone.id}`, {
        version: milestone.version,
        title: 'Första rubriken',
      });
      assert.equal(first.statusCode, 200);
      const stale = await staff.post(`${url}/${milestone.id}/move`, {
        version: milestone.version,
        plannedOn: '2025-05-01',
        reason: 'Gammal version.',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.title, 'Första rubriken');
      const detail = (await staff.get(`${url}/${milestone.id}`)).json();
      assert.equal(detail.plannedOn, '2025-03-04');
      assert.equal(detail.history.length, 1);
    });

    it('refuses a decision of another event and a move to the same date, naming the field', async () => {
      const admin = await t.login(adminEmail);
      const other = (await admin.post('/api/events', { name: 'Annan händelse' })).json();
      const foreign = (
        await admin.post(`/api/events/${other.id}/decisions`, {
          decidedAt: '2024-11-20T09:00:00Z',
          forum: 'Annan styrgrupp',
          text: 'Ett beslut i en annan händelse.',
        })
      ).json();
      const milestone = await create();
      const refused = await staff.post(`${url}/${milestone.id}/move`, {
        version: milestone.version,
        plannedOn: '2025-03-18',
        reason: 'Fel beslut.',
        decisionId: foreign.id,
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().details.field, 'decisionId');
      const same = await staff.post(`${url}/${milestone.id}/move`, {
        version: milestone.version,
        plannedOn: milestone.plannedOn,
        reason: 'Samma datum.',
      });
      assert.equal(same.json().details.field, 'plannedOn');
      const badDate = await staff.post(url, { title: 'Utan datum', plannedOn: '18 februari' });
      assert.equal(badDate.statusCode, 400);
      assert.equal(badDate.json().details.fields[0].field, 'plannedOn');
      assert.equal((await staff.get(`${url}/${milestone.id}`)).json().version, milestone.version);
    });

    it('never gives a reader an internal milestone', async () => {
      const internal = await create({ title: 'Intern kontrollpunkt', internal: true });
      const visible: Milestone[] = (await reader.get(url)).json().items;
      assert.ok(visible.length > 0);
      assert.ok(visible.every((item) => !item.internal));
      assert.equal((await reader.get(`${url}/${internal.id}`)).statusCode, 404);
    });

    it('shows the milestones and the steering group’s move in the demo’s published weekly report', async () => {
      const page = await t.anonymous().get(`/r/${t.eventId}/1`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<caption[^>]*>Milstolpar<\/caption>/);
      assert.match(
        page.body,
        /Kommunerna i södra området ansluter till Millennium: flyttad från 19 november 2024 till 18 februari 2025\. Beslut: Kommunerna i södra området ansluter till Millennium den 18 februari 2025\./,
      );
    });

    it('shows a moved milestone in the next draft’s changes since the previous report', async () => {
      const reports = `/api/events/${t.eventId}/reports`;
      const first = (await staff.post(reports, { kind: 'regular', reopenSeries: true })).json();
      const submitted = (
        await staff.post(`${reports}/${first.id}/submit`, { version: first.version })
      ).json();
      const approved = (
        await approver.post(`${reports}/${first.id}/approve`, { version: submitted.version })
      ).json();
      const published = await approver.post(`${reports}/${first.id}/publish`, {
        version: approved.version,
      });
      assert.equal(published.statusCode, 200, published.body);

      const milestone = (await staff.get(url))
        .json()
        .items.find((item: Milestone) => item.title.startsWith('Uppföljande analys')) as Milestone;
      const moved = await staff.post(`${url}/${milestone.id}/move`, {
        version: milestone.version,
        plannedOn: '2025-02-28',
        reason: 'Analysen väntar på kommunernas anslutning.',
      });
      assert.equal(moved.statusCode, 200, moved.body);

      const next = (await staff.post(reports, { kind: 'regular', reopenSeries: true })).json();
      const draft = (await staff.get(`${reports}/${next.id}`)).json();
      const programme = (draft.sections as Section[]).find((s) => s.key === 'programme')!;
      const lines = programme.data.internal.flatMap((block) => block.items ?? []);
      assert.ok(
        lines.includes(
          'Uppföljande analys av driftstarten klar: flyttad från 31 januari 2025 till 28 februari 2025.',
        ),
        lines.join('\n'),
      );
      assert.ok(!lines.some((line) => line.startsWith('Kommunerna')), 'older moves are left out');
      const table = programme.data.internal.find((block) => block.type === 'table')!;
      assert.ok(
        table.rows!.some(
          (row) => row[0]!.startsWith('Uppföljande') && row[1] === '28 februari 2025',
        ),
      );
    });
  });
}
