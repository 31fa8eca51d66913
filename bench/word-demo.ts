import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadDemo } from '../src/server/demo/seed.ts';
import { allSnapshots } from '../src/server/reports/repository.ts';
import { verifiedSnapshot } from '../src/server/reports/snapshot.ts';
import { renderDocx } from '../src/render/docx.ts';
import { createTestDatabase } from '../test/support/databases.ts';

// How long the Word version of each of the demo's published reports takes: the first render
// (charts drawn anew) and the median of later ones. Usage: npx tsx bench/word-demo.ts [runs]

const runs = Number(process.argv[2] ?? 5);
const testDatabase = await createTestDatabase('sqlite');
const database = openDatabase(testDatabase.url);
try {
  await migrateToLatest(database);
  await loadDemo(database.db);
  for (const row of await allSnapshots(database.db)) {
    const snapshot = verifiedSnapshot(row);
    const charts = snapshot.sections.flatMap((section) =>
      section.blocks.filter((block) => block.type === 'chart'),
    ).length;
    const first = await timed(() => renderDocx(snapshot));
    const later: number[] = [];
    for (let run = 0; run < runs; run += 1) later.push(await timed(() => renderDocx(snapshot)));
    later.sort((a, b) => a - b);
    const median = later[Math.floor(later.length / 2)]!;
    console.log(
      `report ${row.number} (${row.audience}, ${charts} charts): first ${first.toFixed(0)} ms, median of ${runs} later ${median.toFixed(0)} ms`,
    );
  }
} finally {
  await database.close();
  await testDatabase.drop();
}

async function timed(render: () => Promise<Buffer>): Promise<number> {
  const start = performance.now();
  await render();
  return performance.now() - start;
}
