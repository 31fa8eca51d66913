// A unit's situation is its own until it is submitted: another unit's reporter, a communicator,
// an approver or a reader finds the draft in no list, detail or prefill; the unit's reporters
// and the staff do. Once submitted it is the event's like any other situation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const period = '2024-W49';
const nextPeriod = '2024-W50';
const marker = 'UTKAST-NH-EJ-INSKICKAT';

for (const dialect of testDialects()) {
  describe(`unsubmitted situation drafts on ${dialect}`, () => {
    let t: TestApp;
    let nhReporter: Client;
    let others: Record<string, Client>;
    let staff: Client;
    let nhUnitId: number;
    let draftId: number;
    let draftVersion: number;
    const base = () => `/api/events/${t.eventId}`;
    const unitUrl = (unitPeriod: string) => `${base()}/units/${nhUnitId}/situations/${unitPeriod}`;

    /** Whether the draft shows through the list, the detail route and the next period's prefill. */
    const sees = async (client: Client) => {
      const list = await client.get(`${base()}/situations`, {
        query: { unitId: String(nhUnitId), limit: '500' },
      });
      const detail = await client.get(`${base()}/situations/${draftId}`);
      const prefill = await client.get(`${unitUrl(nextPeriod)}/prefill`);
      return {
        list: list.body.includes(marker),
        detail: detail.statusCode === 200 && detail.body.includes(marker),
        prefill: prefill.body.includes(marker),
      };
    };
    const everywhere = { list: true, detail: true, prefill: true };
    const nowhere = { list: false, detail: false, prefill: false };

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      nhReporter = await t.login(demoPeople.reporterNh);
      others = {
        'the other unit’s reporter': await t.login(demoPeople.reporterSas),
        communicator: await t.login(demoPeople.communicator),
        approver: await t.login(demoPeople.approver),
        reader: await t.login(demoPeople.reader),
      };
      const units = (await staff.get('/api/units')).json().items;
      nhUnitId = units.find((unit: { code: string }) => unit.code === 'NH').id;
      const saved = await nhReporter.request('PUT', unitUrl(period), {
        overallStatus: 'yellow',
        prognosis: 'unchanged',
        bullets: `- ${marker}`,
        internal: true,
      });
      assert.ok(saved.statusCode === 201 || saved.statusCode === 200, saved.body);
      draftId = saved.json().id;
      draftVersion = saved.json().version;
    });
    after(() => t.close());

    it('shows the draft to its unit’s reporter and the staff only', async () => {
      assert.deepEqual(await sees(nhReporter), everywhere);
      assert.deepEqual(await sees(staff), everywhere);
      for (const [who, client] of Object.entries(others)) {
        assert.deepEqual(await sees(client), nowhere, who);
      }
    });

    it('shows it to the other roles that read internal items once it is submitted', async () => {
      const submitted = await nhReporter.post(`${unitUrl(period)}/submit`, {
        version: draftVersion,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      for (const who of ['the other unit’s reporter', 'communicator', 'approver']) {
        assert.deepEqual(await sees(others[who]!), everywhere, who);
      }
      assert.deepEqual(await sees(others.reader!), nowhere, 'an internal situation, for a reader');
    });
  });
}
