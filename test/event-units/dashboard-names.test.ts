import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodOf } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`the dashboard's unit names on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    it('gives readiness and completeness each unit’s short name beside its code and name', async () => {
      const created = await admin.post('/api/events', { name: 'Kortnamn på översikten' });
      assert.equal(created.statusCode, 201, created.body);
      const eventId: number = created.json().id;
      const list = (await admin.get(`/api/events/${eventId}/units`)).json();
      const emptied = await admin.request('PUT', `/api/events/${eventId}/units`, {
        version: list.version,
        unitlessLabel: 'Regionen',
        units: [],
      });
      assert.equal(emptied.statusCode, 200, emptied.body);
      const added = await admin.post(`/api/events/${eventId}/units`, {
        version: list.version + 1,
        newUnit: {
          code: 'KS-HUD',
          name: 'Karolinska Universitetssjukhuset Huddinge',
          shortName: 'KS Huddinge',
          kind: 'hospital',
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      const unitId: number = added.json().items[0].unitId;

      const readiness = (await admin.get(`/api/events/${eventId}/readiness`)).json();
      assert.deepEqual(
        readiness.units.map((unit: { code: string; shortName: string; name: string }) => [
          unit.code,
          unit.shortName,
          unit.name,
        ]),
        [['KS-HUD', 'KS Huddinge', 'Karolinska Universitetssjukhuset Huddinge']],
      );

      const period = periodOf(new Date(), 'week').key;
      const requested = await admin.post(`/api/events/${eventId}/input-requests`, {
        period,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        unitIds: [unitId],
      });
      assert.equal(requested.statusCode, 201, requested.body);
      const completeness = await admin.get(`/api/events/${eventId}/completeness`, {
        query: { period },
      });
      assert.equal(completeness.statusCode, 200, completeness.body);
      assert.deepEqual(
        completeness
          .json()
          .units.map((unit: { code: string; shortName: string }) => [unit.code, unit.shortName]),
        [['KS-HUD', 'KS Huddinge']],
      );
    });
  });
}
