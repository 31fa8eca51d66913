import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodOf } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const hour = 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`what each person must do next on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let sara: Client;
    let reader: Client;
    let eventId: number;
    let sasId: number;
    let nhId: number;
    const period = periodOf(new Date(), 'week').key;
    const url = (path: string) => `/api/events/${eventId}${path}`;

    /** The caller's steps in the test's own event, or undefined when it has nothing for them. */
    async function stepsOf(client: Client) {
      const response = await client.get('/api/me/next');
      assert.equal(response.statusCode, 200, response.body);
      return response
        .json()
        .items.find((item: { event: { id: number } }) => item.event.id === eventId);
    }

    async function grant(email: string, role: string, unitId: number | null = null) {
      const users = (await admin.get('/api/users')).json().items;
      const userId = users.find((user: { email: string }) => user.email === email).id;
      const response = await admin.post(url('/grants'), { userId, role, unitId });
      assert.equal(response.statusCode, 201, response.body);
    }

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      sara = await t.login(demoPeople.reporterSas);
      reader = await t.login(demoPeople.reader);
      const created = await admin.post('/api/events', {
        name: 'Nästa steg',
        periodGranularity: 'week',
        reportCovers: 'current',
      });
      assert.equal(created.statusCode, 201, created.body);
      eventId = created.json().id;
      const units = (await admin.get('/api/units')).json().items;
      const idOf = (code: string) => units.find((unit: { code: string }) => unit.code === code).id;
      sasId = idOf('SÄS');
      nhId = idOf('NH');
      await grant(demoPeople.staff, 'staff');
      await grant(demoPeople.reporterSas, 'unit_reporter', sasId);
      await grant(demoPeople.reporterSas, 'approver');
      await grant(demoPeople.reader, 'reader');
    });
    after(() => t.close());

    it("names the unit's missing report for the current period and nothing else", async () => {
      assert.deepEqual(await stepsOf(sara), {
        event: { id: eventId, name: 'Nästa steg', isExercise: false },
        approvals: [],
        returns: [],
        overdueActions: [],
        deadlines: [],
        missingReports: [
          { unitId: sasId, unitName: 'Södra Älvsborgs Sjukhus', period, deadline: null },
        ],
      });
      assert.equal(await stepsOf(staff), undefined);
      assert.equal(await stepsOf(reader), undefined);
    });

    it('shows the deadline of an input request instead, and a return to fix with its comment', async () => {
      const deadline = new Date(Date.now() + 24 * hour).toISOString();
      const request = await staff.post(url('/input-requests'), {
        period,
        deadline,
        unitIds: [sasId, nhId],
      });
      assert.equal(request.statusCode, 201, request.body);
      const requestId = request.json().id;
      const deadlineItem = {
        requestId,
        unitId: sasId,
        unitName: 'Södra Älvsborgs Sjukhus',
        period,
        deadline: request.json().deadline,
      };
      assert.deepEqual((await stepsOf(sara)).deadlines, [deadlineItem]);
      assert.deepEqual((await stepsOf(sara)).missingReports, []);

      const situationUrl = url(`/units/${sasId}/situations/${period}`);
      const draft = { overallStatus: 'yellow', prognosis: 'unchanged', bullets: '- Ansträngt.' };
      const saved = await sara.request('PUT', situationUrl, draft);
      assert.equal(saved.statusCode, 201, saved.body);
      const submitted = await sara.post(`${situationUrl}/submit`, {
        version: saved.json().version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal(await stepsOf(sara), undefined);

      const returned = await staff.post(url(`/situations/${submitted.json().id}/return`), {
        version: submitted.json().version,
        comment: 'Ange antalet vårdplatser.',
      });
      assert.equal(returned.statusCode, 200, returned.body);
      const steps = await stepsOf(sara);
      assert.deepEqual(steps.returns, [
        {
          situationId: submitted.json().id,
          unitId: sasId,
          unitName: 'Södra Älvsborgs Sjukhus',
          period,
          comment: 'Ange antalet vårdplatser.',
        },
      ]);
      assert.deepEqual(steps.deadlines, [deadlineItem]);
      assert.deepEqual(steps.missingReports, []);
    });

    it('lists the overdue actions owned by the unit or by name, not those of others', async () => {
      const past = new Date(Date.now() - 2 * hour).toISOString();
      const future = new Date(Date.now() + 2 * hour).toISOString();
      const create = async (body: Record<string, unknown>) => {
        const response = await staff.post(url('/actions'), body);
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as number;
      };
      const byUnit = await create({
        text: 'Rapportera vårdplatser',
        ownerUnitId: sasId,
        dueAt: past,
      });
      const byName = await create({ text: 'Ring regionen', ownerName: 'Sara Holm', dueAt: past });
      await create({ text: 'Annans uppgift', ownerUnitId: nhId, dueAt: past });
      await create({ text: 'Inte försenad', ownerUnitId: sasId, dueAt: future });
      assert.deepEqual((await stepsOf(sara)).overdueActions, [
        { actionId: byUnit, text: 'Rapportera vårdplatser', dueAt: past },
        { actionId: byName, text: 'Ring regionen', dueAt: past },
      ]);
      assert.equal(await stepsOf(staff), undefined);
    });

    it('tells an approver of a report in review, and no one else', async () => {
      const draft = (await staff.post(url('/reports'), { kind: 'extra' })).json();
      const submitted = await staff.post(url(`/reports/${draft.id}/submit`), {
        version: draft.version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.deepEqual((await stepsOf(sara)).approvals, [
        { reportId: draft.id, title: draft.title, compiledAt: draft.compiledAt },
      ]);
      assert.equal(await stepsOf(staff), undefined);
      assert.equal(await stepsOf(reader), undefined);
      assert.deepEqual((await stepsOf(admin)).approvals.length, 1);
    });
  });
}
