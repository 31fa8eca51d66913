import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { declaredRoutes } from '../../src/server/http/guard.ts';
import { type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { loadRouteCases } from './load-cases.ts';
import type { AuditContext, RouteCases } from './types.ts';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

for (const dialect of testDialects()) {
  describe(`audit of every write route on ${dialect}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let cases: RouteCases;
    let context: AuditContext;

    before(async () => {
      // A mail server, so that routes that send e-mail now (reminders) can succeed.
      smtp = await startSmtpServer();
      t = await startTestApp(dialect, { SMTP_URL: smtp.url });
      cases = await loadRouteCases();
      const admin = await t.login(adminEmail);
      context = {
        t,
        as: (email) => t.login(email),
        unitId: async (code) =>
          (await admin.get('/api/units'))
            .json()
            .items.find((u: { code: string }) => u.code === code).id,
        facilityId: async (code) =>
          (await admin.get('/api/facilities'))
            .json()
            .items.find((f: { code: string }) => f.code === code).id,
        userId: async (email) =>
          (await admin.get('/api/users'))
            .json()
            .items.find((u: { email: string }) => u.email === email).id,
      };
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    it('writes an audit record, in the same transaction, for each write route', async () => {
      const writeRoutes = declaredRoutes(t.app).filter((route) => writeMethods.has(route.method));
      assert.ok(writeRoutes.length > 10);
      const failures: string[] = [];
      for (const route of writeRoutes) {
        const key = `${route.method} ${route.url}`;
        const write = cases[key]?.write;
        if (!write) {
          failures.push(`${key}: no write case in test/access/cases`);
          continue;
        }
        const request = await write(context);
        const before = await countAudit(t);
        const response = await request.client.request(request.method, request.url, request.body);
        const after = await countAudit(t);
        if (response.statusCode >= 300)
          failures.push(`${key}: write failed with ${response.statusCode} ${response.body}`);
        else if (after <= before) failures.push(`${key}: no audit record written`);
      }
      assert.deepEqual(failures, []);
    });

    it('keeps audit records append-only in the database', async () => {
      await assert.rejects(
        t.database.db.updateTable('audit_records').set({ action: 'forged' }).execute(),
        /audit records cannot be changed or deleted/,
      );
      await assert.rejects(
        t.database.db.deleteFrom('audit_records').execute(),
        /audit records cannot be changed or deleted/,
      );
    });
  });
}

async function countAudit(t: TestApp): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_records')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
