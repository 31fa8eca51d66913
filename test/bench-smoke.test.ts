import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateEvent, tinySize } from '../bench/generate.ts';
import { type Row, formatTable, fullOptions, runBench } from '../bench/run.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createMigratedTestDatabase, testDialects } from './support/databases.ts';

// Runs the whole benchmark (`npm run bench`) at a tiny size with one-second loads, so that the
// benchmark code keeps working. Figures measured here mean nothing; targets are not checked.
// The nginx comparison is skipped: the test must not need nginx installed. The server phases run
// on SQLite only, to stay well under a minute; the same phases differ on PostgreSQL only by the
// database URL, and the generator (the PostgreSQL-specific part) is run there by the next test.
test('the benchmark runs end to end at a tiny size', { timeout: 120_000 }, async () => {
  const progress: string[] = [];
  const started = performance.now();
  const rows = await runBench({
    ...fullOptions,
    size: tinySize,
    dialects: ['sqlite'],
    seconds: 1,
    readSeconds: 0.25,
    pageConnections: 16,
    readClients: 10,
    writeClients: 5,
    pageClient: 'autocannon',
    webBundleAlongside: true,
    curves: false,
    subscriberCounts: [20],
    fanoutRounds: 2,
    nginx: false,
    renderRuns: 1,
    progress: (line) =>
      progress.push(`${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s ${line}`),
  });
  const table = formatTable(rows);
  console.log('Smoke run (tiny sizes; nginx comparison skipped):');
  console.log(progress.join('\n'));
  console.log(table);
  const figure = (pattern: RegExp): Row => {
    const row = rows.find((candidate) => pattern.test(candidate.figure));
    assert.ok(row, `no row matches ${pattern}\n${table}`);
    return row;
  };
  assert.match(figure(/nginx comparison/).value, /skipped/);
  for (const engine of ['SQLite']) {
    assert.match(figure(new RegExp(`generate \\(${engine}\\)`)).value, /^\d+\.\d s/);
    assert.match(figure(new RegExp(`time to ready \\(${engine}\\)`)).value, /^\d+\.\d+ s$/);
    for (const page of [
      'demo page /r/1/1, \\d+ kB,',
      'demo page /r/1/1, \\d+ kB gzip',
      'large page',
    ]) {
      assert.match(
        figure(new RegExp(`^Lägesbild, ${page}.*16 conns.*\\(${engine}\\)`)).value,
        /^\d+ rps, p50 .* ms, p99 .* ms$/,
      );
    }
    assert.match(figure(new RegExp(`If-None-Match → 304 \\(${engine}\\)`)).value, /^\d+ rps/);
    assert.match(figure(new RegExp(`^latest situations, .*\\(${engine}\\)`)).value, /p99 .* ms/);
    assert.match(figure(new RegExp(`^actions summary, .*\\(${engine}\\)`)).value, /p99 .* ms/);
    assert.match(figure(new RegExp(`situation submit.*\\(${engine}\\)`)).value, /p99 .* ms/);
    const fanout = figure(new RegExp(`20 SSE subscribers.*\\(${engine}\\)`));
    assert.doesNotMatch(fanout.value, /missed/, 'every subscriber receives every change');
    assert.match(figure(new RegExp(`draft compile.*\\(${engine}\\)`)).value, / ms$/);
  }
  for (const format of ['HTML', 'PDF', 'DOCX']) {
    assert.match(figure(new RegExp(`^${format} render`)).value, / ms$/);
  }
  assert.ok(figure(/initial JavaScript/));
  for (const row of rows.filter((candidate) => /API|Published/.test(candidate.section))) {
    assert.doesNotMatch(row.value, /failed/, `${row.figure}: ${row.value}`);
  }
});

test('the generator fills a tiny event on every engine', { timeout: 60_000 }, async () => {
  for (const dialect of testDialects()) {
    const testDatabase = await createMigratedTestDatabase(dialect);
    const database = openDatabase(testDatabase.url);
    try {
      await migrateToLatest(database);
      const generated = await generateEvent(database, tinySize);
      assert.equal(generated.unitIds.length, tinySize.units);
      assert.equal(generated.reportNumbers.length, tinySize.reports);
      const observations = await database.db
        .selectFrom('figure_observations')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(observations.count), tinySize.observations, dialect);
      const snapshots = await database.db
        .selectFrom('report_snapshots')
        .select('number')
        .where('event_id', '=', generated.eventId)
        .execute();
      assert.equal(
        snapshots.length,
        tinySize.reports * 2,
        'a public and an internal snapshot each',
      );
    } finally {
      await database.close();
      await testDatabase.drop();
    }
  }
});
