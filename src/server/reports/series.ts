import type { ReportSeries } from '../../contract/reports.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import { AppError, errors } from '../errors.ts';
import { requireEvent } from '../events/service.ts';
import type { Actor } from '../http/actor.ts';
import { listTemplates } from '../templates/repository.ts';
import { identityOf } from '../templates/service.ts';
import {
  type ReportRow,
  type SeriesRow,
  findSeriesSetting,
  insertSeriesSetting,
  listSeriesSettings,
  publishedFinalOfSeries,
  publishedSeries,
  seriesInUse,
  lastSeriesNumber,
  updateSeriesSetting,
} from './repository.ts';
import type { ReportKind } from './tables.ts';

/** A series' next number: the one the staff set, and never one already used. */
function nextOf(setting: SeriesRow | undefined, last: number | undefined): number {
  return Math.max(setting?.next_number ?? 1, (last ?? 0) + 1);
}

export async function nextSeriesNumber(db: Db, eventId: number, series: string): Promise<number> {
  const last = await lastSeriesNumber(db, eventId, series);
  return nextOf(await findSeriesSetting(db, eventId, series), last);
}

/**
 * A published final report closes its series: a regular report after it is refused unless the
 * request reopens the series. Answers the final report that is being passed, if any.
 */
export async function checkSeriesOpen(
  trx: Db,
  eventId: number,
  series: string,
  input: { kind: ReportKind; reopenSeries?: boolean | undefined },
): Promise<ReportRow | undefined> {
  if (input.kind !== 'regular') return undefined;
  const final = await publishedFinalOfSeries(trx, eventId, series);
  if (!final || input.reopenSeries) return final;
  throw errors.wrongState(
    `Serien är avslutad med slutrapporten ”${final.title}” (nr ${final.series_number}). Kryssa i ”Öppna serien igen” om en ny ordinarie rapport ändå ska skrivas.`,
    { field: 'reopenSeries', closedBy: final.id },
  );
}

/** The series in which the event has published reports but no final report yet. */
export async function seriesWithoutFinal(db: Db, eventId: number): Promise<string[]> {
  const open = [];
  for (const series of await publishedSeries(db, eventId)) {
    if (!(await publishedFinalOfSeries(db, eventId, series))) open.push(series);
  }
  return open;
}

/** Every series of the event: those its templates name, those its reports use, those set. */
export async function reportSeriesOfEvent(
  db: Db,
  eventId: number,
): Promise<{ items: ReportSeries[] }> {
  await requireEvent(db, eventId);
  const used = new Map((await seriesInUse(db, eventId)).map((row) => [row.series, row.last]));
  const settings = new Map((await listSeriesSettings(db, eventId)).map((row) => [row.series, row]));
  const named = (await listTemplates(db, eventId)).map((row) => identityOf(row).series);
  const keys = [...new Set([...named, ...used.keys(), ...settings.keys()])].sort();
  const items = [];
  for (const series of keys) {
    const setting = settings.get(series);
    items.push({
      series,
      nextNumber: nextOf(setting, used.get(series)),
      lastNumber: used.get(series) ?? null,
      closedByFinal: (await publishedFinalOfSeries(db, eventId, series)) !== undefined,
      version: setting?.version ?? null,
    });
  }
  return { items };
}

/**
 * Sets the number the series' next report gets, e.g. to continue a numbering begun elsewhere.
 * A number already used is refused: two reports of a series never share a number.
 */
export async function setNextSeriesNumber(
  db: Db,
  actor: Actor,
  eventId: number,
  series: string,
  input: { nextNumber: number; version?: number | undefined },
): Promise<ReportSeries> {
  try {
    await writeNextNumber(db, actor, eventId, series, input);
  } catch (error) {
    // Two first settings of a series at once: the one stored second loses on the unique key.
    if (!isUniqueViolation(error)) throw error;
    throw numberChangedMeanwhile(await seriesAnswer(db, eventId, series));
  }
  return seriesAnswer(db, eventId, series);
}

/** The 409 for a next number someone else set since it was read, beside the field. */
function numberChangedMeanwhile(current: ReportSeries) {
  return new AppError(
    'conflict',
    `Någon annan har ändrat nästa nummer i serien ”${current.series}” till ${current.nextNumber} sedan du läste det. Ditt nummer sparades inte; ändra och spara igen om det ska vara ett annat.`,
    { current, field: 'nextNumber' },
  );
}

function writeNextNumber(
  db: Db,
  actor: Actor,
  eventId: number,
  series: string,
  input: { nextNumber: number; version?: number | undefined },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await requireEvent(trx, eventId);
    const last = await lastSeriesNumber(trx, eventId, series);
    if (last !== undefined && input.nextNumber <= last) {
      throw errors.wrongState(
        `Nummer ${last} är redan använt i serien. Nästa nummer måste vara minst ${last + 1}.`,
        { field: 'nextNumber' },
      );
    }
    const before = await findSeriesSetting(trx, eventId, series);
    const changes = {
      next_number: input.nextNumber,
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    };
    const after = await writeSetting(trx, before, input.version, {
      event_id: eventId,
      series,
      ...changes,
    });
    if (!after) throw numberChangedMeanwhile(await seriesAnswer(trx, eventId, series));
    await recordAudit(trx, actor, {
      action: 'report.series_number',
      entityType: 'report_series',
      entityId: after.id,
      eventId,
      before,
      after,
    });
  });
}

/** Inserts the first setting of a series or updates the one read; undefined when it was stale. */
function writeSetting(
  trx: Db,
  before: SeriesRow | undefined,
  versionRead: number | undefined,
  setting: Omit<SeriesRow, 'id' | 'version'>,
): Promise<SeriesRow | undefined> {
  if (!before) {
    return versionRead === undefined
      ? insertSeriesSetting(trx, setting)
      : Promise.resolve(undefined);
  }
  if (versionRead !== before.version) return Promise.resolve(undefined);
  const { next_number, updated_by, updated_at } = setting;
  return updateSeriesSetting(trx, before.id, before.version, {
    next_number,
    updated_by,
    updated_at,
  });
}

async function seriesAnswer(db: Db, eventId: number, series: string): Promise<ReportSeries> {
  const { items } = await reportSeriesOfEvent(db, eventId);
  return items.find((item) => item.series === series)!;
}
