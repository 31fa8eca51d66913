import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/** More than the largest page a list reads at once (500). */
const manyDecisions = 620;

for (const dialect of testDialects()) {
  describe(`a long event's report on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
    });
    after(() => t.close());

    it('draws every decision of its period, however many, into a report', async () => {
      const decidedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
      const rows = Array.from({ length: manyDecisions }, (_, index) => ({
        event_id: t.eventId,
        decided_at: decidedAt,
        forum: 'Stab',
        mandate: 'Regional särskild sjukvårdsledning',
        text: `Beslut nummer ${index + 1}`,
        rationale: '',
        effective_from: decidedAt,
        effective_to: null,
        internal: 0,
        meeting_id: null,
        created_by: null,
        created_at: decidedAt,
        source: 'test',
        updated_by: null,
        updated_at: decidedAt,
      }));
      for (let start = 0; start < rows.length; start += 100) {
        await t.database.db
          .insertInto('decisions')
          .values(rows.slice(start, start + 100))
          .execute();
      }
      const admin = await t.login(adminEmail);
      const template = await admin.post(`/api/events/${t.eventId}/templates`, {
        name: 'Bara beslut',
        sections: [{ key: 'beslut', title: 'Beslut', kind: 'decisions' }],
      });
      assert.equal(template.statusCode, 201, template.body);
      const started = await staff.post(`/api/events/${t.eventId}/reports`, {
        kind: 'extra',
        templateId: template.json().id,
      });
      assert.equal(started.statusCode, 201, started.body);
      const report = await staff.get(`/api/events/${t.eventId}/reports/${started.json().id}`);
      const section = report
        .json()
        .sections.find((entry: { key: string }) => entry.key === 'beslut');
      const bullets = section.data.internal.find(
        (block: { type: string }) => block.type === 'bullets',
      );
      const ours = (bullets.items as string[]).filter((item) => item.includes('Beslut nummer '));
      assert.equal(ours.length, manyDecisions);
    });
  });
}
