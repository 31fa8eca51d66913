import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/server/db/database.ts';

describe('lagesbild user create --break-glass', () => {
  it('creates an account that may use its password when local login is off', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-breakglass-'));
    const url = `sqlite:${path.join(folder, 'users.db')}`;
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url };
      const create = (email: string, ...flags: string[]) =>
        spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/cli/main.ts',
            'user',
            'create',
            '--email',
            email,
            '--name',
            'Beredskapskonto',
            ...flags,
          ],
          { env, encoding: 'utf8' },
        );
      const flagged = create('beredskap@regionen.se', '--admin', '--break-glass');
      assert.equal(flagged.status, 0, flagged.stderr);
      const plain = create('vanlig@regionen.se');
      assert.equal(plain.status, 0, plain.stderr);

      const database = openDatabase(url);
      try {
        const rows = await database.db
          .selectFrom('users')
          .select(['email', 'break_glass', 'is_admin'])
          .orderBy('email')
          .execute();
        assert.deepEqual(rows, [
          { email: 'beredskap@regionen.se', break_glass: 1, is_admin: 1 },
          { email: 'vanlig@regionen.se', break_glass: 0, is_admin: 0 },
        ]);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
