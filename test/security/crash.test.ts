// Crash suite. A writer sends 1,000 writes to the real server process while it is killed with
// SIGKILL at random moments (at least 30 times) and restarted; afterwards every acknowledged
// write is stored, SQLite's integrity check passes, and audit records match the data rows one
// to one. Ends with the summary line of issue 8. The server runs from a bundle built once
// (scripts/bundle-server.ts): under the TypeScript loader each restart took several seconds.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { bundleServer } from '../../scripts/bundle-server.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { declaredRoutes } from '../../src/server/http/guard.ts';
import { startTestApp } from '../support/app.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';
import { sessionCookieFrom, startServerProcess } from '../support/server-process.ts';
import { allPayloads, summaryFile } from './support.ts';

const writes = Number(process.env.LAGESBILD_CRASH_WRITES ?? 1000);
const minimumKills = Number(process.env.LAGESBILD_CRASH_KILLS ?? 30);
const writers = 4;
/** When this test run began: scripts/run-tests.ts says so; else when this file's process began. */
const startedAt = Number(
  process.env.LAGESBILD_TEST_RUN_STARTED ?? Date.now() - process.uptime() * 1000,
);
const adminPassword = 'Krasch-testets-lösen-2024';
const adminEmail = 'admin@lagesbild.local';

interface Server {
  child: ChildProcess;
  url: string;
}

const bundleFolder = path.resolve('dist', `crash-suite-${process.pid}`);
let serverEntry = '';

/** Live server processes: ended with this process too, even when the runner stops it early. */
const servers = new Set<ChildProcess>();
const killServers = () => servers.forEach((child) => child.kill('SIGKILL'));
process.once('exit', killServers);
process.once('SIGTERM', () => {
  killServers();
  process.exit(143);
});

async function serve(databaseUrl: string): Promise<Server> {
  const { child, url } = await startServerProcess(
    {
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
    },
    {
      entry: serverEntry,
      onSpawn: (spawned) => {
        servers.add(spawned);
        spawned.once('exit', () => servers.delete(spawned));
      },
    },
  );
  return { child, url };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    servers.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const results: Record<string, { acknowledged: number; lost: number; kills: number }> = {};

// The engines run side by side: one writes while the other restarts.
describe('crash suite', { concurrency: true }, () => {
  before(async () => {
    serverEntry = await bundleServer(bundleFolder);
  });

  for (const dialect of testDialects()) {
    it(
      `keeps every acknowledged write through SIGKILLs on ${dialect}`,
      { timeout: 600_000 },
      async () => {
        const database = await createTestDatabase(dialect);
        let server = await serve(database.url);
        try {
          const login = await fetch(`${server.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: adminEmail, password: adminPassword }),
          });
          assert.equal(login.status, 200, await login.clone().text());
          const cookie = sessionCookieFrom(login);
          const { csrfToken } = (await login.json()) as { csrfToken: string };
          const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
          const created = await fetch(`${server.url}/api/events`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ name: 'Krascholycka' }),
          });
          assert.equal(created.status, 201, await created.clone().text());
          const eventId = ((await created.json()) as { id: number }).id;

          const acknowledged = new Map<number, string>();
          let kills = 0;
          let attempted = 0;
          // Kill after a random number of writes (on average writes / (kills + 5)), half of the
          // time while writes are in flight, the other half between two writes.
          const gap = () => 1 + Math.floor(Math.random() * ((2 * writes) / (minimumKills + 5)));
          const unanswered: string[] = [];
          const send = (text: string) =>
            fetch(`${server.url}/api/events/${eventId}/log`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ occurredAt: new Date().toISOString(), text }),
            })
              .then(async (response) => ({ status: response.status, body: await response.text() }))
              .catch(() => null);
          const note = (text: string, answer: { status: number; body: string } | null) => {
            if (answer?.status === 201) acknowledged.set(JSON.parse(answer.body).id, text);
            else if (answer) unanswered.push(`${answer.status} ${answer.body.slice(0, 200)}`);
          };
          // Several writers at once, as a staff would: more writes in flight when the kill comes.
          let allSent: () => void = () => undefined;
          const writeUntil = (limit: number) =>
            Promise.all(
              Array.from({ length: writers }, async () => {
                while (attempted < limit) {
                  const text = `Skrivning ${attempted} ${'å'.repeat((attempted % 50) + 1)}`;
                  attempted += 1;
                  if (attempted === limit) allSent();
                  note(text, await send(text));
                }
              }),
            );
          while (attempted < writes || kills < minimumKills) {
            const limit = attempted + gap();
            if (Math.random() < 0.5) {
              await writeUntil(limit);
              await kill(server.child);
            } else {
              const sent = new Promise<void>((resolve) => (allSent = resolve));
              const writing = writeUntil(limit);
              await sent;
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
              await kill(server.child);
              await writing;
            }
            kills += 1;
            server = await serve(database.url);
          }
          assert.deepEqual(
            unanswered.filter((answer) => !answer.startsWith('503')),
            [],
            'writes refused',
          );
          await kill(server.child);

          const db = openDatabase(database.url);
          try {
            const rows = await db.db
              .selectFrom('log_entries')
              .select(['id', 'text'])
              .where('event_id', '=', eventId)
              .execute();
            const stored = new Map(rows.map((row) => [Number(row.id), row.text]));
            const lost = [...acknowledged].filter(([id, text]) => stored.get(id) !== text);
            const audits = await db.db
              .selectFrom('audit_records')
              .select(['entity_id'])
              .where('action', '=', 'log_entry.create')
              .where('event_id', '=', eventId)
              .execute();
            const audited = audits.map((row) => Number(row.entity_id)).sort((a, b) => a - b);
            assert.deepEqual(lost, [], 'acknowledged writes missing after the crashes');
            assert.deepEqual(
              audited,
              [...stored.keys()].sort((a, b) => a - b),
              'one audit record per stored row, and none for a row that is not stored',
            );
            results[dialect] = { acknowledged: acknowledged.size, lost: lost.length, kills };
            assert.ok(kills >= minimumKills, `${kills} kills`);
          } finally {
            await db.close();
          }
          if (dialect === 'sqlite') {
            const file = database.url.replace(/^sqlite:/, '');
            const sqlite = new Sqlite(file, { readonly: true });
            try {
              assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
            } finally {
              sqlite.close();
            }
          }
        } finally {
          await kill(server.child);
          await database.drop();
        }
      },
    );
  }

  after(async () => {
    fs.rmSync(bundleFolder, { recursive: true, force: true });
    if (Object.keys(results).length === 0) return;
    const t = await startTestApp('sqlite');
    // The authorisation matrix's cells: routes × 9 subjects × (own, other unit where it applies).
    const cells = declaredRoutes(t.app)
      .filter((route) => !route.url.startsWith('/api/docs'))
      .reduce(
        (sum, route) => sum + 9 * (route.access.kind === 'event' && route.access.unitParam ? 2 : 1),
        0,
      );
    await t.close();
    // Only a count the fuzz test wrote during this run, not one left from an earlier run.
    const fuzz =
      fs.existsSync(summaryFile) && fs.statSync(summaryFile).mtimeMs >= startedAt
        ? (JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as { fuzzCases?: number }).fuzzCases
        : undefined;
    const acknowledged = Object.values(results).reduce((sum, r) => sum + r.acknowledged, 0);
    const lost = Object.values(results).reduce((sum, r) => sum + r.lost, 0);
    const kills = Object.values(results).reduce((sum, r) => sum + r.kills, 0);
    console.log(
      `# security summary: writes acknowledged ${acknowledged}, lost ${lost}; kills ${kills} ` +
        `(${Object.entries(results)
          .map(([dialect, r]) => `${dialect} ${r.acknowledged}/${r.kills}`)
          .join(
            ', ',
          )}); payloads tried ${allPayloads().length}; fuzz cases ${fuzz ?? 'n/a (fuzz.test.ts not run before this point)'}; matrix cells ${cells}`,
    );
  });
});
