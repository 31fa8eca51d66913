import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReportSnapshot, SnapshotSection } from '../../src/core/report-snapshot.ts';
import { periodLabel } from '../../src/core/time.ts';
import { findEvent } from '../../src/server/events/repository.ts';
import { coveredPeriod } from '../../src/server/events/periods.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { publish, reportUrl, startDraft } from '../security/support.ts';

for (const dialect of testDialects()) {
  describe(`a published report's trust lines on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let approver: Client;
    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
      approver = await t.login(demoPeople.approver);
    });
    after(() => t.close());

    it('freezes the period, readiness, people with roles, section times and GFM text', async () => {
      const admin = await t.login(adminEmail);
      const current = (await admin.get(`/api/events/${t.eventId}/readiness`)).json().event;
      const level = current.level === 'katastrofläge' ? 'stabsläge' : 'katastrofläge';
      const changed = await admin.post(`/api/events/${t.eventId}/readiness`, {
        version: current.version,
        level,
        reason: 'Prov av rapportens beredskapsrad.',
      });
      assert.equal(changed.statusCode, 201, changed.body);
      const draft = await startDraft(t, staff);
      const section = draft.sections.find((candidate) => candidate.kind === 'text');
      assert.ok(section);
      const saved = await staff.request('PUT', `${reportUrl(t, draft.id)}/sections/${section.id}`, {
        version: section.version,
        text: 'Rad ett\nrad två',
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const published = await publish(t, staff, approver, draft);

      const rows = await t.database.db
        .selectFrom('report_snapshots')
        .select(['audience', 'snapshot_json'])
        .where('report_id', '=', published.id)
        .orderBy('audience')
        .execute();
      assert.equal(rows.length, 2);
      const event = await findEvent(t.database.db, t.eventId);
      assert.ok(event);
      const sectionRows = await t.database.db
        .selectFrom('report_sections')
        .select(['key', 'updated_at'])
        .where('report_id', '=', published.id)
        .execute();
      for (const row of rows) {
        const snapshot = JSON.parse(row.snapshot_json) as ReportSnapshot;
        const period: string = coveredPeriod(event, new Date(snapshot.report.compiledAt)).key;
        assert.equal(snapshot.report.period, periodLabel(period, 'sv', event.time_zone));
        assert.deepEqual(snapshot.report.preparedBy, [{ name: 'Elin Bergström', role: 'Stab' }]);
        assert.deepEqual(snapshot.report.approvedBy, { name: 'Anders Wik', role: 'Godkännare' });
        assert.deepEqual(snapshot.event.readiness, {
          name: level === 'katastrofläge' ? 'Katastrofläge' : 'Stabsläge',
          since: changed.json().changedAt,
        });
        const frozen: SnapshotSection | undefined = snapshot.sections.find(
          (candidate) => candidate.key === section.key,
        );
        assert.deepEqual(frozen?.blocks[0], {
          type: 'markdown',
          markdown: 'Rad ett\nrad två',
          gfm: true,
        });
        for (const candidate of snapshot.sections) {
          const stored = sectionRows.find((sectionRow) => sectionRow.key === candidate.key);
          assert.equal(candidate.updatedAt, stored?.updated_at, candidate.key);
        }
      }
      const page = await t.anonymous().get(`/r/${t.eventId}/${published.number}`);
      assert.match(page.body, /<p>Rad ett<br>\nrad två<\/p>/);
      assert.match(page.body, /<li>Godkänd av: Anders Wik \(Godkännare\)<\/li>/);
    });
  });
}
