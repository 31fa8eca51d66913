import SqliteDatabase from 'better-sqlite3';
const stats = new Map<string, { n: number; ms: number }>();
const origPrepare = SqliteDatabase.prototype.prepare;
(SqliteDatabase.prototype as any).prepare = function (sql: string) {
  const st = origPrepare.call(this, sql) as any;
  for (const m of ['all', 'get', 'run', 'iterate']) {
    const f = st[m].bind(st);
    st[m] = (...a: unknown[]) => { const t = performance.now(); const r = f(...a); const d = performance.now() - t; const s = stats.get(sql) ?? { n: 0, ms: 0 }; s.n++; s.ms += d; stats.set(sql, s); return r; };
  }
  return st;
};
const { loadConfig } = await import('../src/server/config.ts');
const { startServer } = await import('../src/server/start.ts');
const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', LAGESBILD_DEMO: 'false', ADMIN_PASSWORD: 'Bänkprovets-admin-lösen-2026', SMTP_URL: '', DATABASE_URL: 'sqlite:/tmp/big/big.db' });
const server = await startServer(config, () => undefined);
const { login } = await import('../bench/harness.ts');
const { staffEmail, benchPassword } = await import('../bench/generate.ts');
const session = await login(server.url, staffEmail, benchPassword);
const paths = process.argv.slice(2);
for (const p of paths) {
  stats.clear();
  const t = performance.now();
  for (let i = 0; i < 5; i++) { const r = await fetch(server.url + p, { headers: { cookie: session.cookie } }); await r.arrayBuffer(); if (r.status !== 200) console.log(r.status); }
  console.log(`\n== ${p}: ${((performance.now() - t) / 5).toFixed(1)} ms/request`);
  [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6).forEach(([s, v]) => console.log(`  ${(v.ms / 5).toFixed(2)} ms x${v.n / 5}  ${s.slice(0, 300)}`));
}
await server.stop();
