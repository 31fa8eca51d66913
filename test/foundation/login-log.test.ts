import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { login } from '../../src/server/auth/service.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { ensureFirstAdmin } from '../../src/server/users/bootstrap.ts';
import { adminEmail, adminPassword } from '../support/app.ts';
import {
  type TestDatabase,
  createMigratedTestDatabase,
  testDialects,
} from '../support/databases.ts';

const policy = { idleMinutes: 120, absoluteHours: 12 };
const wrongPassword = 'Fel-lösenord-som-inte-får-synas';

interface Logged {
  details: Record<string, unknown>;
  message: string;
}

for (const dialect of testDialects()) {
  describe(`failed logins as security events (${dialect})`, () => {
    let testDatabase: TestDatabase;
    let database: Database;

    before(async () => {
      testDatabase = await createMigratedTestDatabase(dialect);
      database = openDatabase(testDatabase.url);
      await migrateToLatest(database);
      await ensureFirstAdmin(database.db, { email: adminEmail, password: adminPassword });
    });
    after(async () => {
      await database.close();
      await testDatabase.drop();
    });

    async function attempt(email: string, password: string, address: string): Promise<Logged[]> {
      const logged: Logged[] = [];
      const log = {
        warn: (details: object, message: string) =>
          logged.push({ details: details as Record<string, unknown>, message }),
      };
      await login(database.db, { email, password, address, requestId: 'r', log }, policy).catch(
        () => undefined,
      );
      return logged;
    }

    it('names the account, the reason and the lockout, never the password', async () => {
      const address = '192.0.2.10';
      const reasons: unknown[] = [];
      const lockouts: unknown[] = [];
      for (let failure = 1; failure <= 6; failure += 1) {
        const [entry, ...more] = await attempt(adminEmail.toUpperCase(), wrongPassword, address);
        assert.deepEqual(more, []);
        assert.equal(entry!.details.security, 'login_failed');
        assert.equal(entry!.details.email, adminEmail);
        assert.equal(entry!.details.address, address);
        assert.doesNotMatch(JSON.stringify(entry), new RegExp(wrongPassword));
        reasons.push(entry!.details.reason);
        lockouts.push(entry!.details.lockout);
      }
      assert.deepEqual(reasons, [...Array(5).fill('wrong_password'), 'locked_out']);
      assert.deepEqual(lockouts, [false, false, false, false, true, true]);

      const [unknown] = await attempt('ingen@lagesbild.local', wrongPassword, '192.0.2.11');
      assert.equal(unknown!.details.reason, 'unknown_account');
      assert.equal(unknown!.message, 'Login failed for ingen@lagesbild.local (unknown_account)');
      assert.deepEqual(await attempt(adminEmail, adminPassword, '192.0.2.12'), []);
    });
  });
}
