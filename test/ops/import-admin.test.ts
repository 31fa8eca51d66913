import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../../src/server/config.ts';
import { exportEvent } from '../../src/server/ops/event-file.ts';
import { startServer } from '../../src/server/start.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases.ts';
import { testSecretKey } from '../support/secret-key.ts';

const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const chosenPassword = 'Regionens-förvaltare-2026';

for (const dialect of testDialects()) {
  describe(`an import into an empty installation (${dialect})`, () => {
    let source: TestApp;
    let target: TestDatabase;
    let file: string;
    let importedEmail: string;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-import-admin-'));

    before(async () => {
      source = await startTestApp(dialect);
      const exported = await exportEvent(source.database, source.eventId);
      importedEmail = String(exported.tables.users!.at(-1)!.email);
      file = path.join(folder, 'event.json');
      fs.writeFileSync(file, JSON.stringify(exported));
      target = await createTestDatabase(dialect);
    });
    after(async () => {
      await source.close();
      await target.drop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('says how the installation gets an administrator', () => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: target.url,
        ADMIN_EMAIL: importedEmail,
      };
      delete env.ADMIN_PASSWORD;
      const result = spawnSync(process.execPath, [...cli, 'import', file], {
        env,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      assert.match(
        result.stdout,
        new RegExp(
          `No one can administer this installation yet: the next start makes ADMIN_EMAIL \\(${importedEmail.replace('.', '\\.')}\\) its administrator`,
        ),
      );
    });

    it('makes ADMIN_EMAIL its administrator with ADMIN_PASSWORD at the next start', async () => {
      const lines: string[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
      const config = loadConfig({
        DATABASE_URL: target.url,
        PORT: '0',
        LAGESBILD_DEMO: 'false',
        ADMIN_EMAIL: importedEmail,
        ADMIN_PASSWORD: chosenPassword,
        SECRET_KEY: testSecretKey,
      });
      const server = await startServer(config, log);
      try {
        assert.ok(
          lines.some((line) =>
            line.includes(
              `No one could administer this installation: the existing account ${importedEmail} is now its administrator; password: the one given in ADMIN_PASSWORD`,
            ),
          ),
          lines.join(''),
        );
        assert.ok(!lines.join('').includes(chosenPassword), 'the secret is not printed');
        const login = await server.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: importedEmail, password: chosenPassword },
        });
        assert.equal(login.statusCode, 200, login.body);
        assert.equal(login.json().user.isAdmin, true);
      } finally {
        await server.stop();
      }
    });
  });
}
