import type { CsvProblem } from '../figures/csv-import.ts';
import { importFile } from '../figures/service.ts';
import { isPostgres } from '../db/migration-helpers.ts';
import type { Db } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { findEvent } from '../events/repository.ts';
import { type Actor, systemActor } from '../http/actor.ts';
import { FetchFailure, type FetchLimits, fetchText } from './fetch-limited.ts';
import {
  type FigureSourceRow,
  claimDueFigureSources,
  recordFigureSourceRun,
} from './repository.ts';

export const defaultPullLimits: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  allowedAddresses: [],
};
const sourcesPerRun = 10;

export interface PullOutcome {
  sourceId: number;
  ok: boolean;
  rows: number;
  message: string;
  errors: CsvProblem[] | null;
}

/**
 * Fetches and imports every enabled figure source whose next run is due at `now`. Each source is
 * claimed first, so with several nodes each due run happens once; a failed run is recorded and
 * the source is tried again after its interval.
 */
export async function runDueFigurePulls(
  db: Db,
  now: Date,
  limits: FetchLimits = defaultPullLimits,
): Promise<PullOutcome[]> {
  const due = await claimDueFigureSources(db, {
    now,
    limit: sourcesPerRun,
    postgres: isPostgres(db),
  });
  const outcomes: PullOutcome[] = [];
  for (const source of due) {
    const startedAt = new Date().toISOString();
    const outcome = await pullOnce(db, source, limits);
    await recordFigureSourceRun(db, {
      source_id: source.id,
      event_id: source.event_id,
      started_at: startedAt,
      finished_at: new Date().toISOString(),
      ok: outcome.ok ? 1 : 0,
      rows: outcome.rows,
      message: outcome.message,
      errors_json: outcome.errors ? JSON.stringify(outcome.errors) : null,
    });
    outcomes.push(outcome);
  }
  return outcomes;
}

async function pullOnce(
  db: Db,
  source: FigureSourceRow,
  limits: FetchLimits,
): Promise<PullOutcome> {
  const failed = (message: string, errors: CsvProblem[] | null = null): PullOutcome => ({
    sourceId: source.id,
    ok: false,
    rows: 0,
    message,
    errors,
  });
  try {
    const event = await findEvent(db, source.event_id);
    if (event?.state === 'closed') return failed('Händelsen är avslutad; inget hämtades.');
    const text = await fetchText(source.url, limits);
    const result = await importFile(db, pullActor(source), source.event_id, {
      format: source.format,
      text,
      source: `pull:${source.name}`,
      repeatKey: `pull:${source.id}`,
    });
    const skipped = result.skipped > 0 ? ` ${result.skipped} fanns redan och hoppades över.` : '';
    return {
      sourceId: source.id,
      ok: true,
      rows: result.imported,
      message: `${result.imported} observationer importerades.${skipped}`,
      errors: null,
    };
  } catch (error) {
    if (error instanceof FetchFailure) return failed(error.message);
    if (error instanceof AppError) {
      return failed(
        error.message,
        (error.details as { errors?: CsvProblem[] } | undefined)?.errors ?? null,
      );
    }
    return failed(`Importen misslyckades: ${(error as Error).message}`);
  }
}

function pullActor(source: FigureSourceRow): Actor {
  return { ...systemActor, label: `nyckeltalskälla ${source.id} (${source.name})` };
}
