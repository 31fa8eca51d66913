// Cost curves (issue 25): the report's compile (startReport, on each engine) and its PDF (from the
// snapshot, engine-independent) for 10 / 60 / 200 units × 4 / 52 / 156 weeks. Each combination
// is a generated event with one report; its observations grow with units × weeks.
import type { ReportSnapshot } from '../src/core/report-snapshot.ts';
import { type DialectName, openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { renderPdf } from '../src/render/index.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { type EventSize, generateEvent } from './generate.ts';
import type { Row } from './run.ts';

export const curveUnits = [10, 60, 200];
export const curveWeeks = [4, 52, 156];

function sizeOf(units: number, weeks: number): EventSize {
  return {
    units,
    figures: 10,
    periods: weeks,
    observations: units * weeks * 2,
    logEntries: 200,
    decisions: 100,
    actions: 50,
    reports: 1,
  };
}

interface Point {
  units: number;
  weeks: number;
  compileMs: number;
  sections: number;
  snapshot: ReportSnapshot;
}

async function compileOn(dialect: DialectName, units: number, weeks: number): Promise<Point> {
  const testDatabase = await createTestDatabase(dialect, { durable: true });
  const database = openDatabase(testDatabase.url);
  try {
    await migrateToLatest(database);
    const generated = await generateEvent(database, sizeOf(units, weeks));
    const row = await database.db
      .selectFrom('report_snapshots')
      .select('snapshot_json')
      .where('event_id', '=', generated.eventId)
      .where('audience', '=', 'internal')
      .executeTakeFirstOrThrow();
    const snapshot = JSON.parse(row.snapshot_json) as ReportSnapshot;
    return {
      units,
      weeks,
      compileMs: generated.timings.lastDraftMs,
      sections: snapshot.sections.length,
      snapshot,
    };
  } finally {
    await database.close();
    await testDatabase.drop();
  }
}

async function pdfMs(snapshot: ReportSnapshot): Promise<number> {
  await renderPdf(snapshot);
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const at = performance.now();
    await renderPdf(snapshot);
    times.push(performance.now() - at);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** Rows of compile and PDF time per size, informational: the closing note reads their growth. */
export async function costCurves(
  dialects: DialectName[],
  progress: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  for (const units of curveUnits) {
    for (const weeks of curveWeeks) {
      const compiled: string[] = [];
      let snapshot: ReportSnapshot | null = null;
      let sections = 0;
      for (const dialect of dialects) {
        progress(`Cost curves: ${units} units × ${weeks} weeks on ${dialect}…`);
        const point = await compileOn(dialect, units, weeks);
        compiled.push(`${dialect} ${ms(point.compileMs)}`);
        snapshot ??= point.snapshot;
        sections = point.sections;
      }
      const pdf = snapshot ? await pdfMs(snapshot) : Number.NaN;
      rows.push({
        section: 'Cost curves',
        figure: `${units} units × ${weeks} weeks (${sections} sections)`,
        value: `compile ${compiled.join(', ')}; PDF ${ms(pdf)}`,
        target: '—',
        met: null,
      });
    }
  }
  return rows;
}
