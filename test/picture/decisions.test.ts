import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { createRecord, startRecordsApp } from '../support/records.ts';

interface Decision {
  id: number;
  decidedAt: string;
  forum: string;
  text: string;
  internal: boolean;
  diversionIds: number[];
  version: number;
  provenance: { createdBy: number | null; source: string };
  actions?: { id: number; internal: boolean; decisionId: number }[];
}

for (const dialect of testDialects()) {
  describe(`decisions on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let url: string;

    before(async () => {
      ({ t, staff, reader, url } = await startRecordsApp(dialect, 'decisions'));
    });
    after(() => t.close());

    function create(body: Record<string, unknown> = {}): Promise<Decision> {
      return createRecord(staff, url, {
        decidedAt: '2024-11-14T08:00:00Z',
        forum: 'Operativ samordning produktionschefer',
        text: 'Närakuten i Skene förstärks med en läkare kvällstid.',
        ...body,
      });
    }

    it('lists the demo decisions by decision time, filtered by forum, text and time', async () => {
      const all = (await staff.get(url, { query: { order: 'asc', limit: '2' } })).json();
      assert.ok(all.total >= 4);
      assert.equal(all.items.length, 2);
      assert.equal(all.items[0].decidedAt, '2024-10-31T12:30:00.000Z');
      assert.equal(all.items[1].forum, 'Programstyrgrupp Millennium');
      const forum = (
        await staff.get(url, { query: { forum: 'Operativ samordning produktionschefer' } })
      ).json();
      assert.deepEqual(
        forum.items.map((item: Decision) => item.decidedAt),
        ['2024-11-22T10:30:00.000Z', '2024-10-31T12:30:00.000Z'],
      );
      const text = (await staff.get(url, { query: { q: '18 februari' } })).json();
      assert.deepEqual(
        text.items.map((item: Decision) => item.forum),
        ['Programstyrgrupp Millennium'],
      );
      const week47 = (await staff.get(url, { query: { period: '2024-W47' } })).json();
      assert.deepEqual(
        week47.items.map((item: Decision) => item.decidedAt),
        ['2024-11-22T10:30:00.000Z'],
      );
      const range = (
        await staff.get(url, {
          query: { from: '2024-11-01T00:00:00Z', to: '2024-11-02T00:00:00Z' },
        })
      ).json();
      assert.equal(range.total, 1);
    });

    it('returns a decision with its actions, provenance and linked diversions', async () => {
      const list = (await staff.get(url, { query: { order: 'asc' } })).json();
      const diversion = list.items[0] as Decision & { effectiveTo: string };
      assert.equal(diversion.effectiveTo, '2024-11-22T13:00:00.000Z');
      const detail: Decision = (await staff.get(`${url}/${diversion.id}`)).json();
      assert.ok(detail.actions!.length >= 1);
      assert.ok(detail.actions!.every((action) => action.decisionId === diversion.id));
      assert.equal(detail.provenance.source, 'demo');

      const linked = await create({ diversionIds: [7, 3, 7] });
      assert.deepEqual(linked.diversionIds, [3, 7]);
      const changed = await staff.patch(`${url}/${linked.id}`, {
        version: linked.version,
        diversionIds: [9],
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual((await staff.get(`${url}/${linked.id}`)).json().diversionIds, [9]);
    });

    it('never gives a reader an internal decision or an internal action of a decision', async () => {
      const internal = await create({ internal: true, text: 'Intern prioritering av resurser.' });
      const readerList = (await reader.get(url, { query: { limit: '500' } })).json();
      assert.ok(readerList.items.length > 0);
      assert.ok(readerList.items.every((item: Decision) => !item.internal));
      assert.equal((await reader.get(`${url}/${internal.id}`)).statusCode, 404);
      const staffList = (await staff.get(url, { query: { limit: '500' } })).json();
      assert.ok(staffList.items.some((item: Decision) => item.id === internal.id));
      assert.ok(staffList.total > readerList.total);

      const open = await create({ text: 'Öppet beslut med en intern åtgärd.' });
      const action = await staff.post(`/api/events/${t.eventId}/actions`, {
        text: 'Intern uppföljning av beslutet.',
        ownerName: 'Elin Bergström',
        decisionId: open.id,
        internal: true,
      });
      assert.equal(action.statusCode, 201, action.body);
      assert.equal((await staff.get(`${url}/${open.id}`)).json().actions.length, 1);
      assert.deepEqual((await reader.get(`${url}/${open.id}`)).json().actions, []);
    });

    it('answers a stale update with 409 and the current decision, keeping the stored one', async () => {
      const decision = await create();
      const first = await staff.patch(`${url}/${decision.id}`, {
        version: decision.version,
        text: 'Första ändringen.',
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, decision.version + 1);
      const stale = await staff.patch(`${url}/${decision.id}`, {
        version: decision.version,
        text: 'En ändring på en gammal version.',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.text, 'Första ändringen.');
      assert.equal(stale.json().details.current.version, decision.version + 1);
      const stored = (await staff.get(`${url}/${decision.id}`)).json();
      assert.equal(stored.text, 'Första ändringen.');
      assert.equal(stored.version, decision.version + 1);
    });

    it('names the field of a validation error', async () => {
      const missing = await staff.post(url, { decidedAt: '2024-11-14T08:00:00Z', forum: 'Stab' });
      assert.equal(missing.statusCode, 400);
      assert.ok(missing.json().details.fields.some((f: { field: string }) => f.field === 'text'));
      const backwards = await staff.post(url, {
        decidedAt: '2024-11-14T08:00:00Z',
        forum: 'Stab',
        text: 'Gäller baklänges.',
        effectiveFrom: '2024-11-15T08:00:00Z',
        effectiveTo: '2024-11-14T08:00:00Z',
      });
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().details.field, 'effectiveTo');
    });

    it('refuses a communicator and a reader to write decisions', async () => {
      const communicator = await t.login(demoPeople.communicator);
      const body = { decidedAt: '2024-11-14T08:00:00Z', forum: 'Stab', text: 'Ej tillåtet.' };
      assert.equal((await communicator.post(url, body)).statusCode, 403);
      assert.equal((await reader.post(url, body)).statusCode, 403);
    });

    it('audits and indexes a new decision in the same write', async () => {
      const decision = await create({ text: 'Beslut om extra ambulans i Borås.' });
      const audit = await t.database.db
        .selectFrom('audit_records')
        .selectAll()
        .where('entity_type', '=', 'decision')
        .where('entity_id', '=', String(decision.id))
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.event_id, t.eventId);
      const indexed = await t.database.db
        .selectFrom('search_documents')
        .selectAll()
        .where('kind', '=', 'decision')
        .where('entity_id', '=', decision.id)
        .executeTakeFirst();
      assert.match(indexed!.body, /extra ambulans/);
    });
  });
}
