import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadDemo } from '../src/server/demo/seed.ts';
import { buildExamples, exampleFiles } from '../src/server/exchange/examples.ts';

// Writes the example files of docs/formats/ from the demo event, on a throw-away SQLite file.
// Run with: npx tsx scripts/exchange-examples.ts

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-examples-'));
const database = openDatabase(`sqlite:${path.join(folder, 'demo.db')}`);
try {
  await migrateToLatest(database);
  const demo = await loadDemo(database.db, { password: 'Exempel-lösenord-2024' });
  const examples = await buildExamples(database.db, demo!.eventId);
  for (const [name, file] of Object.entries(exampleFiles)) {
    fs.writeFileSync(file, examples[name as keyof typeof exampleFiles]);
    console.log(`wrote ${file}`);
  }
} finally {
  await database.close();
  fs.rmSync(folder, { recursive: true, force: true });
}
