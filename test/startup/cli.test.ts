import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createTestDatabase, postgresAdminUrl, testDialects } from '../support/databases.ts';
import { testSecretKey } from '../support/secret-key.ts';

const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const demoPassword = 'Demo-lösen-från-miljön-2026';
const folders: string[] = [];

function temporaryFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-cli-'));
  folders.push(folder);
  return folder;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SECRET_KEY: testSecretKey,
    ...extra,
  };
  delete env.ADMIN_PASSWORD;
  return env;
}

interface Started {
  child: ChildProcess;
  output: string[];
  url: string;
  startMs: number;
}

/** Starts `serve` and resolves when it prints the URL it listens on. */
function serve(env: NodeJS.ProcessEnv, args: string[] = []): Promise<Started> {
  const began = Date.now();
  const child = spawn(process.execPath, [...cli, 'serve', ...args], { env });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output.join('')}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listens on (http:\/\/\S+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ child, output, url: match[1]!, startMs: Date.now() - began });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output.join('')}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Every line the server wrote, each of which must be a JSON object. */
function logLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
      return JSON.parse(line) as Record<string, unknown>;
    });
}

after(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('starting and stopping', () => {
  it('creates the database, the first admin and the demo on a fresh start, and exits 0 on SIGTERM', async () => {
    const folder = temporaryFolder();
    const database = path.join(folder, 'data', 'lagesbild.db');
    const started = await serve(
      baseEnv({ DATABASE_URL: `sqlite:${database}`, DEMO_PASSWORD: demoPassword }),
    );
    const messages = logLines(started.output.join('')).map((line) => line.msg);
    assert.ok(
      messages.some((msg) => String(msg).startsWith('First administrator created: admin@')),
    );
    const admin = logLines(started.output.join('')).find((line) => line.oneTimePassword);
    assert.match(String(admin?.msg), /shown only now \(change it at first login\)/);
    assert.match(String(admin?.oneTimePassword), /^\S{12,}$/);
    assert.ok(
      messages.includes(
        'Demo events: "Hög belastning i akutsjukvården" (live: this week is open for reporting) and "Millennium 2024" (archive, closed)',
      ),
    );
    const { users } = logLines(started.output.join('')).find((line) => line.users) as {
      users: Record<string, string>[];
    };
    assert.deepEqual(
      users.find((user) => user.email === 'sara.holm@lagesbild.local'),
      {
        email: 'sara.holm@lagesbild.local',
        role: 'unit_reporter',
        unit: 'Södra Älvsborgs Sjukhus',
      },
    );
    assert.deepEqual(
      users.find((user) => user.email === 'anders.wik@lagesbild.local'),
      {
        email: 'anders.wik@lagesbild.local',
        role: 'approver',
      },
    );
    assert.ok(messages.includes("Demo users' password: the one given in DEMO_PASSWORD"));
    assert.ok(!started.output.join('').includes(demoPassword), 'the secret is not printed');
    assert.ok(fs.existsSync(database));
    const ready = await fetch(`${started.url}/readyz`);
    assert.equal(ready.status, 200);
    console.log(`# start-up to listening on a fresh demo: ${started.startMs} ms`);
    assert.equal(await stop(started.child), 0);

    const again = await serve(baseEnv({ DATABASE_URL: `sqlite:${database}` }));
    assert.doesNotMatch(again.output.join(''), /oneTimePassword|Demo events/, 'printed only once');
    assert.equal(await stop(again.child), 0);
  });

  it('finishes an in-flight request before exiting on SIGTERM', async () => {
    const folder = temporaryFolder();
    const started = await serve(
      baseEnv({ DATABASE_URL: `sqlite:${path.join(folder, 'db.sqlite')}`, LOG_LEVEL: 'info' }),
      ['--no-demo'],
    );
    const login = fetch(`${started.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@lagesbild.local', password: 'wrong-password-123' }),
    });
    // Signal only once the server logged the request as received: then it is in flight.
    while (!/"url":"\/api\/auth\/login"/.test(started.output.join(''))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const exit = stop(started.child);
    assert.equal((await login).status, 401);
    assert.equal(await exit, 0);
  });

  it('stops with one clear line when DATABASE_URL points nowhere', () => {
    assert.match(
      failedStart({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }),
      /^Cannot use the database \(PostgreSQL 127\.0\.0\.1:1\/none\): .*ECONNREFUSED/,
    );
  });

  it('stops with one line naming a badly configured variable, never showing a secret', () => {
    for (const [variable, value] of [
      ['PORT', 'tretusen'],
      ['DATABASE_URL', 'mysql://x'],
      ['LOG_LEVEL', 'loud'],
    ] as const) {
      assert.match(
        failedStart({ [variable]: value }),
        new RegExp(`^Configuration error: ${variable} .*\\(got "${value}"\\)$`),
      );
    }
    assert.equal(
      failedStart({ ADMIN_PASSWORD: 'kort-lösen' }),
      'Configuration error: ADMIN_PASSWORD must be at least 12 characters',
    );
  });
});

describe('start-up failures', () => {
  it('says in one line that the port is in use', async () => {
    const occupier = net.createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const port = (occupier.address() as net.AddressInfo).port;
    try {
      const folder = temporaryFolder();
      assert.equal(
        failedStart({
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: `sqlite:${path.join(folder, 'port.db')}`,
          LAGESBILD_DEMO: 'false',
        }),
        `Cannot listen on 127.0.0.1:${port}: the port is already in use by another process`,
      );
    } finally {
      occupier.close();
    }
  });

  it('says in one line which path to set when the SQLite file cannot be created', () => {
    // A file where the folder should be refuses every user, root included; running as another
    // user instead would need that user to read this checkout, which a CI clone may not allow.
    const folder = temporaryFolder();
    const notAFolder = path.join(folder, 'opt-lagesbild');
    fs.writeFileSync(notAFolder, '');
    const file = path.join(notAFolder, 'data', 'lagesbild.db');
    assert.equal(
      failedStart({ DATABASE_URL: `sqlite:${file}`, LAGESBILD_DEMO: 'false' }),
      `Cannot create or open the SQLite database ${file}: ENOTDIR: not a directory, mkdir '${path.dirname(file)}'; ` +
        'set DATABASE_URL to a file in a folder this user may write, e.g. ' +
        'sqlite:/var/lib/lagesbild/lagesbild.db (under systemd: StateDirectory=lagesbild)',
    );
  });

  it('refuses a yes/no setting it cannot read, in one line', () => {
    assert.match(
      failedStart({ METRICS_PUBLIC: 'kanske' }),
      /^Configuration error: METRICS_PUBLIC must be true or false .*\(got "kanske"\)$/,
    );
  });

  for (const dialect of testDialects().filter((name) => name === 'postgres')) {
    it(`says in one line that the ${dialect} database does not exist`, () => {
      const url = new URL(postgresAdminUrl);
      url.pathname = '/lagesbild_finns_inte';
      assert.match(
        failedStart({ DATABASE_URL: url.toString() }),
        /^Cannot use the database \(PostgreSQL .*\/lagesbild_finns_inte\): database "lagesbild_finns_inte" does not exist$/,
      );
    });
  }
});

/** Starts `serve` expecting it to fail: one JSON line at level fatal, last, without a stack. */
function failedStart(extra: Record<string, string>): string {
  const result = spawnSync(process.execPath, [...cli, 'serve'], {
    env: { ...baseEnv({}), ...extra },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const lines = logLines(result.stdout + result.stderr);
  const fatal = lines.filter((line) => line.level === 60);
  assert.equal(fatal.length, 1, result.stdout + result.stderr);
  assert.equal(lines.at(-1), fatal[0], 'the last line says why');
  assert.equal(Object.keys(fatal[0]!).sort().join(), 'hostname,level,msg,pid,time', 'no stack');
  return String(fatal[0]!.msg);
}

describe('backup and restore', () => {
  it('backs up while the server runs and restores the copy', async () => {
    const folder = temporaryFolder();
    const databaseUrl = `sqlite:${path.join(folder, 'live.db')}`;
    const started = await serve(baseEnv({ DATABASE_URL: databaseUrl }), ['--no-demo']);
    const backupFile = path.join(folder, 'backup.db');
    const backup = spawnSync(process.execPath, [...cli, 'backup', backupFile], {
      env: baseEnv({ DATABASE_URL: databaseUrl }),
      encoding: 'utf8',
    });
    assert.equal(backup.status, 0, backup.stderr);
    assert.equal((await fetch(`${started.url}/readyz`)).status, 200, 'still serving');
    assert.equal(await stop(started.child), 0);

    const restoredUrl = `sqlite:${path.join(folder, 'restored', 'lagesbild.db')}`;
    const restore = spawnSync(process.execPath, [...cli, 'restore', backupFile], {
      env: baseEnv({ DATABASE_URL: restoredUrl }),
      encoding: 'utf8',
    });
    assert.equal(restore.status, 0, restore.stderr);
    const restored = await serve(baseEnv({ DATABASE_URL: restoredUrl }), ['--no-demo']);
    assert.doesNotMatch(restored.output.join(''), /First administrator created/, 'users came back');
    assert.equal(await stop(restored.child), 0);
  });

  it('refuses to restore a file that is not a Lägesbild database', () => {
    const folder = temporaryFolder();
    const bogus = path.join(folder, 'bogus.db');
    fs.writeFileSync(bogus, 'not a database');
    const result = spawnSync(process.execPath, [...cli, 'restore', bogus], {
      env: baseEnv({ DATABASE_URL: `sqlite:${path.join(folder, 'target.db')}` }),
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.ok(!fs.existsSync(path.join(folder, 'target.db')));
  });
});

describe('user commands', () => {
  it('creates a user and resets the password', () => {
    const folder = temporaryFolder();
    const env = baseEnv({ DATABASE_URL: `sqlite:${path.join(folder, 'users.db')}` });
    const created = spawnSync(
      process.execPath,
      [...cli, 'user', 'create', '--email', 'ny@lagesbild.local', '--name', 'Ny'],
      { env, encoding: 'utf8' },
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /One-time password: \S+/);
    const reset = spawnSync(
      process.execPath,
      [...cli, 'user', 'reset-password', '--email', 'ny@lagesbild.local'],
      { env, encoding: 'utf8' },
    );
    assert.equal(reset.status, 0, reset.stderr);
    assert.match(reset.stdout, /One-time password for ny@lagesbild\.local: \S+/);
    const unknown = spawnSync(
      process.execPath,
      [...cli, 'user', 'reset-password', '--email', 'ingen@lagesbild.local'],
      { env, encoding: 'utf8' },
    );
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /finns inte/);
  });
});

for (const dialect of testDialects().filter((name) => name === 'postgres')) {
  describe('migrations on PostgreSQL', () => {
    it('applies each migration once when three nodes start together', async () => {
      const database = await createTestDatabase(dialect);
      try {
        const runs = [1, 2, 3].map(
          () =>
            new Promise<{ code: number | null; out: string }>((resolve) => {
              const child = spawn(process.execPath, [...cli, 'migrate'], {
                env: baseEnv({ DATABASE_URL: database.url }),
              });
              let out = '';
              child.stdout.on('data', (chunk: Buffer) => (out += chunk));
              child.stderr.on('data', (chunk: Buffer) => (out += chunk));
              child.on('exit', (code) => resolve({ code, out }));
            }),
        );
        const results = await Promise.all(runs);
        for (const result of results) assert.equal(result.code, 0, result.out);
        const applied = results.map((result) => Number(/(\d+) migration/.exec(result.out)?.[1]));
        assert.equal(
          applied.filter((count) => count > 0).length,
          1,
          `applied counts: ${applied.join(', ')}`,
        );
      } finally {
        await database.drop();
      }
    });
  });
}
