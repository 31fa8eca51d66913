import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { createRecord, startRecordsApp } from '../support/records.ts';

interface Action {
  id: number;
  text: string;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  internal: boolean;
  owner: { name: string | null; unitId: number | null };
  version: number;
}

const dayMs = 24 * 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`actions on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let url: string;

    before(async () => {
      ({ t, staff, reader, url } = await startRecordsApp(dialect, 'actions'));
    });
    after(() => t.close());

    function create(body: Record<string, unknown> = {}): Promise<Action> {
      return createRecord(staff, url, {
        text: 'Kontrollera reservrutiner för labbsvar.',
        ownerName: 'Oskar Nyberg',
        ...body,
      });
    }

    it('flags an action overdue only while it is pending and past due', async () => {
      const yesterday = new Date(Date.now() - dayMs).toISOString();
      const tomorrow = new Date(Date.now() + dayMs).toISOString();
      const late = await create({ text: 'Sen åtgärd.', dueAt: yesterday });
      const future = await create({ text: 'Kommande åtgärd.', dueAt: tomorrow });
      const undated = await create({ text: 'Åtgärd utan datum.' });
      assert.equal(late.overdue, true);
      assert.equal(future.overdue, false);
      assert.equal(undated.overdue, false);

      const overdueIds = (await staff.get(url, { query: { overdue: 'true', limit: '500' } }))
        .json()
        .items.map((item: Action) => item.id);
      assert.ok(overdueIds.includes(late.id));
      assert.ok(!overdueIds.includes(future.id));
      assert.ok(!overdueIds.includes(undated.id));

      const done = await staff.patch(`${url}/${late.id}`, { version: late.version, state: 'done' });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().overdue, false);
      const afterDone = (await staff.get(url, { query: { overdue: 'true', limit: '500' } })).json();
      assert.ok(!afterDone.items.some((item: Action) => item.id === late.id));
      const notOverdue = (
        await staff.get(url, { query: { overdue: 'false', limit: '500' } })
      ).json();
      assert.ok(notOverdue.items.some((item: Action) => item.id === undated.id));
    });

    it('filters by state, owner unit and due period', async () => {
      const units = (await staff.get('/api/units')).json().items as { id: number; code: string }[];
      const nh = units.find((unit) => unit.code === 'NH')!.id;
      const owned = await create({ ownerName: null, ownerUnitId: nh, state: 'in_progress' });
      const inProgress = (await staff.get(url, { query: { state: 'in_progress' } })).json();
      assert.ok(inProgress.items.length > 0);
      assert.ok(inProgress.items.every((item: Action) => item.state === 'in_progress'));
      const byUnit = (await staff.get(url, { query: { unitId: String(nh) } })).json();
      assert.deepEqual(
        byUnit.items.map((item: Action) => item.id),
        [owned.id],
      );
      assert.deepEqual(byUnit.items[0].owner, { name: null, unitId: nh });
      const week46 = (await staff.get(url, { query: { period: '2024-W46' } })).json();
      assert.ok(week46.items.length >= 2);
      assert.ok(
        week46.items.every(
          (item: Action) =>
            item.dueAt! >= '2024-11-10T23:00:00.000Z' && item.dueAt! < '2024-11-17T23:00:00.000Z',
        ),
      );
    });

    it('never gives a reader an internal action', async () => {
      const internal = await create({ internal: true });
      const forReader = (await reader.get(url, { query: { limit: '500' } })).json();
      assert.ok(forReader.items.length > 0);
      assert.ok(forReader.items.every((item: Action) => !item.internal));
      const forStaff = (await staff.get(url, { query: { limit: '500' } })).json();
      assert.ok(forStaff.items.some((item: Action) => item.id === internal.id));
    });

    it('answers a stale update with 409 and keeps the stored action', async () => {
      const action = await create();
      const first = await staff.patch(`${url}/${action.id}`, {
        version: action.version,
        state: 'in_progress',
      });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await staff.patch(`${url}/${action.id}`, {
        version: action.version,
        state: 'cancelled',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.state, 'in_progress');
      const stored = (await staff.get(url, { query: { limit: '500' } }))
        .json()
        .items.find((item: Action) => item.id === action.id);
      assert.equal(stored.state, 'in_progress');
      assert.equal(stored.version, action.version + 1);
    });

    it('names the field of a validation error', async () => {
      const noOwner = await staff.post(url, { text: 'Ingen ansvarig.' });
      assert.equal(noOwner.statusCode, 400);
      assert.equal(noOwner.json().details.field, 'ownerName');
      const badState = await staff.post(url, {
        text: 'Fel status.',
        ownerName: 'X',
        state: 'klar',
      });
      assert.equal(badState.statusCode, 400);
      assert.ok(badState.json().details.fields.some((f: { field: string }) => f.field === 'state'));
      const noDecision = await staff.post(url, {
        text: 'Okänt beslut.',
        ownerName: 'X',
        decisionId: 999999,
      });
      assert.equal(noDecision.statusCode, 400);
      assert.equal(noDecision.json().details.field, 'decisionId');
      const action = await create();
      const clearOwner = await staff.patch(`${url}/${action.id}`, {
        version: action.version,
        ownerName: null,
      });
      assert.equal(clearOwner.statusCode, 400);
      assert.equal(clearOwner.json().details.field, 'ownerName');
    });

    it('refuses a communicator to write actions', async () => {
      const communicator = await t.login(demoPeople.communicator);
      const response = await communicator.post(url, { text: 'Ej tillåtet.', ownerName: 'X' });
      assert.equal(response.statusCode, 403);
    });
  });
}
