// The lock on published records and the audit trail: every way to change or remove their rows
// that a trigger can stop is refused on both engines; what gets past the triggers (a dropped
// trigger, an edited file) is found by the hashes when a report is served, at start and by
// `lagesbild verify`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../../src/server/app.ts';
import { sealAuditTrail } from '../../src/server/audit/chain.ts';
import type { DialectName } from '../../src/server/db/database.ts';
import type { Db } from '../../src/server/db/schema.ts';
import { checkIntegrity } from '../../src/server/ops/integrity.ts';
import { canonicalJson, contentHash } from '../../src/server/reports/snapshot.ts';
import { type TestApp, adminEmail, startTestApp, testAppConfig } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const lockedTables = ['report_snapshots', 'audit_records', 'audit_chain'] as const;

/** Statements that would change or remove locked rows, as the engine's own client could send. */
function probes(dialect: DialectName): string[] {
  const common = [
    `UPDATE report_snapshots SET snapshot_json = '{}'`,
    `DELETE FROM report_snapshots`,
    `UPDATE audit_records SET after_json = NULL`,
    `DELETE FROM audit_records`,
    `UPDATE audit_chain SET hash = 'x'`,
    `DELETE FROM audit_chain`,
    `INSERT INTO report_snapshots SELECT * FROM report_snapshots ON CONFLICT (id) DO UPDATE SET snapshot_json = '{}'`,
    `INSERT INTO audit_records SELECT * FROM audit_records ON CONFLICT (id) DO UPDATE SET action = 'x'`,
  ];
  if (dialect === 'postgres') {
    return [
      ...common,
      ...lockedTables.map((table) => `TRUNCATE ${table}`),
      `TRUNCATE reports CASCADE`,
      `TRUNCATE events CASCADE`,
    ];
  }
  const replace = (verb: string) => [
    `${verb} INTO report_snapshots SELECT * FROM report_snapshots`,
    `${verb} INTO report_snapshots (report_id, event_id, number, revision, audience, snapshot_json, content_hash, published_at)
       SELECT report_id, event_id, number, revision, audience, '{}', content_hash, published_at FROM report_snapshots`,
    `${verb} INTO audit_records SELECT * FROM audit_records`,
    `${verb} INTO audit_chain SELECT * FROM audit_chain`,
    `${verb} INTO audit_chain (seq, record_id, hash, sealed_at) SELECT seq + 100000, record_id, 'x', sealed_at FROM audit_chain`,
  ];
  return [...common, ...replace('INSERT OR REPLACE'), ...replace('REPLACE')];
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of lockedTables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

/** What an attacker with the database's own credentials does first: switch the triggers off. */
async function dropLocks(db: Db, dialect: DialectName): Promise<void> {
  for (const table of lockedTables) {
    if (dialect === 'postgres') {
      await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`).execute(db);
      continue;
    }
    for (const suffix of ['no_update', 'no_delete', 'no_replace']) {
      await sql.raw(`DROP TRIGGER ${table}_${suffix}`).execute(db);
    }
  }
}

async function publicSnapshot(db: Db) {
  return db
    .selectFrom('report_snapshots')
    .selectAll()
    .where('number', '=', 1)
    .where('audience', '=', 'public')
    .orderBy('revision', 'desc')
    .executeTakeFirstOrThrow();
}

for (const dialect of testDialects()) {
  describe(`integrity of published reports and the audit trail on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
      await t.login(adminEmail);
      await sealAuditTrail(t.database.db);
    });
    after(() => t.close());

    it('refuses every statement that would change or remove locked rows', async () => {
      const db = t.database.db;
      const before = await rowCounts(db);
      const accepted: string[] = [];
      const statements = probes(dialect);
      for (const statement of statements) {
        const refused = await sql
          .raw(statement)
          .execute(db)
          .then(
            () => false,
            () => true,
          );
        if (!refused) accepted.push(statement);
      }
      console.log(
        `# hardening (${dialect}): ${statements.length} probes tried, ${statements.length - accepted.length} refused`,
      );
      assert.deepEqual(accepted, []);
      assert.deepEqual(await rowCounts(db), before);
      assert.deepEqual((await checkIntegrity(db)).problems, []);
    });

    it('seals concurrently from several nodes into one unbroken chain', async () => {
      const admin = await t.login(adminEmail);
      const occurredAt = new Date(Date.now() - 60_000).toISOString();
      const written = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          admin.post(`/api/events/${t.eventId}/log`, { occurredAt, text: `Loggpost ${index}` }),
        ),
      );
      assert.deepEqual(
        written.map((response) => response.statusCode),
        written.map(() => 201),
      );
      await Promise.all([
        sealAuditTrail(t.database.db),
        sealAuditTrail(t.database.db),
        sealAuditTrail(t.database.db),
      ]);
      const report = await checkIntegrity(t.database.db);
      assert.deepEqual(report.problems, []);
      const records = await t.database.db
        .selectFrom('audit_records')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      assert.equal(report.recordsChecked, Number(records.count));
    });

    it('past dropped triggers: serves a 500 page for an altered report, and verify names what changed', async () => {
      const db = t.database.db;
      await sealAuditTrail(db);
      await dropLocks(db, dialect);
      const original = await publicSnapshot(db);
      const forged = JSON.parse(original.snapshot_json);
      forged.report.title = 'FÖRFALSKAD RAPPORT';
      await db
        .updateTable('report_snapshots')
        .set({ snapshot_json: canonicalJson(forged) })
        .where('id', '=', original.id)
        .execute();

      const restarted = await buildApp(testAppConfig, t.database);
      try {
        const page = await restarted.inject({ method: 'GET', url: `/r/${t.eventId}/1` });
        assert.equal(page.statusCode, 500);
        assert.match(String(page.headers['content-type']), /text\/html/);
        assert.equal(page.headers['cache-control'], 'no-store');
        assert.match(page.body, /Rapporten kan inte visas/);
        assert.doesNotMatch(page.body, /FÖRFALSKAD/);
        const markdown = await restarted.inject({
          method: 'GET',
          url: `/r/${t.eventId}/1/rapport.md`,
        });
        assert.equal(markdown.statusCode, 500);
        assert.equal(markdown.json().error, 'integrity_failed');
        assert.doesNotMatch(markdown.body, /FÖRFALSKAD/);
      } finally {
        await restarted.close();
      }

      // Rewritten together with its hash, it no longer matches the hash its publication recorded.
      await db
        .updateTable('report_snapshots')
        .set({ content_hash: contentHash(canonicalJson(forged)) })
        .where('id', '=', original.id)
        .execute();
      const records = await db.selectFrom('audit_records').select('id').orderBy('id').execute();
      const [altered, removed] = [records[3]!.id, records[5]!.id];
      await db
        .updateTable('audit_records')
        .set({ actor_label: 'någon annan' })
        .where('id', '=', altered)
        .execute();
      await db.deleteFrom('audit_records').where('id', '=', removed).execute();
      await db.deleteFrom('audit_chain').where('seq', '=', 9).execute();

      const report = await checkIntegrity(db);
      assert.deepEqual(report.problems, [
        `Report 1 version ${original.revision} (public) of event ${t.eventId} has a hash other than the one its publication recorded`,
        `Audit chain link 4 (record ${altered}) has been changed (or an earlier link was)`,
        `Audit chain link 6 (record ${removed}) has been removed`,
        `Audit chain link 9 is missing from the chain`,
      ]);
    });
  });
}
