import type { Insertable } from 'kysely';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { AppError, errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import type { CsvExport } from '../http/csv.ts';
import { facilityNames, unitNames } from '../units/service.ts';
import { findFacility, findUnit, listFacilities } from '../units/repository.ts';
import {
  type CsvProblem,
  type ImportLookups,
  type ParsedCsv,
  type ParsedObservation,
  parseFigureCsv,
  validateObservationCells,
} from './csv-import.ts';
import { parseFigureJson } from './json-import.ts';
import {
  type FigureRow,
  type ObservationRow,
  type Visibility,
  allObservations,
  findFigure,
  findFigureByExchangeMeaning,
  findFigureByKey,
  findObservationsByClientKey,
  insertFigure,
  insertObservations,
  listFigures,
  listFiguresOfEvent,
  listObservations,
  placeDirectory,
  updateFigure,
} from './repository.ts';
import type { z } from 'zod';
import {
  type CreateFigureInput,
  type Figure,
  type FigureExchangeMeaning,
  type ImportPreview,
  type Observation,
  type ObservationInput,
  type PushedObservation,
  type Series,
  type UnitObservationInput,
  type UpdateFigureInput,
  figureExchangeMeanings,
  type figureListQuery,
  type observationExportQuery,
  type observationQuery,
  type seriesQuery,
} from '../../contract/figures.ts';
import { eventUnitsInOrder, requireUnitInEvent } from '../event-units/service.ts';
import type { Page } from '../../contract/list.ts';
import { periodRange } from '../../core/time.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { eventTimeZone, periodZoneOf, requireEvent } from '../events/service.ts';
import type { FigureObservationsTable } from './tables.ts';
import { buildSeries } from './series.ts';
import { observationCsvColumns } from './csv.ts';

export function presentFigure(figure: FigureRow): Figure {
  return {
    id: figure.id,
    eventId: figure.event_id,
    key: figure.key,
    name: figure.name,
    unitOfMeasure: figure.unit_of_measure,
    higherIsWorse: figure.higher_is_worse === 1,
    yellowThreshold: figure.yellow_threshold,
    redThreshold: figure.red_threshold,
    exchangeMeaning: exchangeMeaningOf(figure),
    internal: figure.internal === 1,
    provenance: {
      createdBy: figure.created_by,
      createdAt: figure.created_at,
      source: figure.source,
      updatedBy: figure.updated_by,
      updatedAt: figure.updated_at,
    },
    version: figure.version,
  };
}

function exchangeMeaningOf(figure: FigureRow): FigureExchangeMeaning | null {
  const meaning = figure.exchange_meaning;
  return figureExchangeMeanings.find((known) => known === meaning) ?? null;
}

export function presentObservation(observation: ObservationRow): Observation {
  return {
    id: observation.id,
    eventId: observation.event_id,
    figureId: observation.definition_id,
    value: observation.value,
    observedAt: observation.observed_at,
    unitId: observation.unit_id,
    facilityId: observation.facility_id,
    internal: observation.internal === 1,
    provenance: {
      createdBy: observation.entered_by,
      createdAt: observation.created_at,
      source: observation.source,
      updatedBy: observation.entered_by,
      updatedAt: observation.created_at,
    },
    version: observation.version,
  };
}

export async function createFigure(
  db: Db,
  actor: Actor,
  eventId: number,
  input: CreateFigureInput,
): Promise<Figure> {
  return db.transaction().execute(async (trx) => {
    await refuseTakenKey(trx, eventId, input.key);
    await refuseTakenMeaning(trx, eventId, input.exchangeMeaning);
    const higherIsWorse = input.higherIsWorse ? 1 : 0;
    checkThresholds(higherIsWorse, input.yellowThreshold, input.redThreshold);
    const now = new Date().toISOString();
    const figure = await insertFigure(trx, {
      event_id: eventId,
      key: input.key,
      name: input.name,
      unit_of_measure: input.unitOfMeasure,
      higher_is_worse: higherIsWorse,
      yellow_threshold: input.yellowThreshold,
      red_threshold: input.redThreshold,
      internal: input.internal ? 1 : 0,
      exchange_meaning: input.exchangeMeaning,
      created_by: actor.userId,
      created_at: now,
      source: input.source,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'figure.create',
      entityType: 'figure',
      entityId: figure.id,
      eventId,
      after: figure,
    });
    return presentFigure(figure);
  });
}

export async function changeFigure(
  db: Db,
  actor: Actor,
  eventId: number,
  figureId: number,
  input: UpdateFigureInput,
): Promise<Figure> {
  return db.transaction().execute(async (trx) => {
    const before = await loadFigure(trx, eventId, figureId);
    if (input.key !== undefined && input.key !== before.key) {
      await refuseTakenKey(trx, eventId, input.key);
    }
    if (input.exchangeMeaning !== undefined && input.exchangeMeaning !== before.exchange_meaning) {
      await refuseTakenMeaning(trx, eventId, input.exchangeMeaning);
    }
    const higherIsWorse =
      input.higherIsWorse === undefined ? before.higher_is_worse : input.higherIsWorse ? 1 : 0;
    checkThresholds(
      higherIsWorse,
      input.yellowThreshold === undefined ? before.yellow_threshold : input.yellowThreshold,
      input.redThreshold === undefined ? before.red_threshold : input.redThreshold,
    );
    const updated = await updateFigure(trx, figureId, input.version, {
      ...(input.key !== undefined && { key: input.key }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.unitOfMeasure !== undefined && { unit_of_measure: input.unitOfMeasure }),
      ...(input.higherIsWorse !== undefined && { higher_is_worse: higherIsWorse }),
      ...(input.yellowThreshold !== undefined && { yellow_threshold: input.yellowThreshold }),
      ...(input.redThreshold !== undefined && { red_threshold: input.redThreshold }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      ...(input.exchangeMeaning !== undefined && { exchange_meaning: input.exchangeMeaning }),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentFigure(before));
    await recordAudit(trx, actor, {
      action: 'figure.update',
      entityType: 'figure',
      entityId: figureId,
      eventId,
      before,
      after: updated,
    });
    return presentFigure(updated);
  });
}

/** An observation for the region as a whole, a unit, or a facility (at most one of the two). */
export async function recordObservation(
  db: Db,
  actor: Actor,
  eventId: number,
  figureId: number,
  input: ObservationInput,
): Promise<Observation> {
  return db.transaction().execute(async (trx) => {
    const figure = await loadFigure(trx, eventId, figureId);
    if (input.unitId !== null && input.facilityId !== null) {
      throw errors.badRequest('Ange antingen en enhet eller en plats, inte båda.', {
        field: 'facilityId',
      });
    }
    if (input.unitId !== null && !(await findUnit(trx, input.unitId))) {
      throw errors.badRequest('Enheten finns inte.', { field: 'unitId' });
    }
    if (input.unitId !== null) await requireUnitInEvent(trx, eventId, input.unitId);
    if (input.facilityId !== null && !(await findFacility(trx, input.facilityId))) {
      throw errors.badRequest('Platsen finns inte.', { field: 'facilityId' });
    }
    return insertOne(trx, actor, figure, input, {
      unit_id: input.unitId,
      facility_id: input.facilityId,
    });
  });
}

/** A unit's own report of a figure: for the unit, or for one of the unit's facilities. */
export async function recordUnitObservation(
  db: Db,
  actor: Actor,
  eventId: number,
  unitId: number,
  input: UnitObservationInput,
): Promise<Observation> {
  return db.transaction().execute(async (trx) => {
    if (!(await findUnit(trx, unitId))) throw errors.notFound('Enheten');
    await requireUnitInEvent(trx, eventId, unitId);
    const figure = await findFigureByKey(trx, eventId, input.figureKey);
    if (!figure) {
      throw errors.badRequest(`Nyckeltalet "${input.figureKey}" finns inte i händelsen.`, {
        field: 'figureKey',
      });
    }
    if (input.facilityId !== null) {
      const facility = await findFacility(trx, input.facilityId);
      if (facility?.unit_id !== unitId) {
        throw errors.badRequest('Platsen hör inte till enheten.', { field: 'facilityId' });
      }
    }
    return insertOne(trx, actor, figure, input, {
      unit_id: input.facilityId === null ? unitId : null,
      facility_id: input.facilityId,
    });
  });
}

async function insertOne(
  trx: Db,
  actor: Actor,
  figure: FigureRow,
  input: Pick<ObservationInput, 'value' | 'observedAt' | 'source' | 'internal'>,
  place: { unit_id: number | null; facility_id: number | null },
): Promise<Observation> {
  const [observation] = await insertObservations(trx, [
    {
      event_id: figure.event_id,
      definition_id: figure.id,
      value: input.value,
      observed_at: new Date(input.observedAt).toISOString(),
      ...place,
      source: input.source,
      internal: input.internal ? 1 : 0,
      entered_by: actor.userId,
      created_at: new Date().toISOString(),
    },
  ]);
  await recordAudit(trx, actor, {
    action: 'figure.observation.create',
    entityType: 'figure_observation',
    entityId: observation!.id,
    eventId: figure.event_id,
    after: observation,
  });
  return presentObservation(observation!);
}

/** One page of the event's figures, internal ones only for those who may read them. */
export async function figurePage(
  db: Db,
  eventId: number,
  query: z.infer<typeof figureListQuery>,
  includeInternal: boolean,
): Promise<Page<Figure>> {
  return answerPage(
    query,
    (page) => listFigures(db, eventId, { includeInternal }, page),
    (rows) => rows.map(presentFigure),
  );
}

async function loadVisibleFigure(
  db: Db,
  eventId: number,
  figureId: number,
  visibility: Visibility,
): Promise<FigureRow> {
  const figure = await findFigure(db, eventId, figureId, visibility);
  if (!figure) throw errors.notFound('Nyckeltalet');
  return figure;
}

async function observationFilterOf(
  db: Db,
  eventId: number,
  query: z.infer<typeof observationExportQuery>,
) {
  const { order: _order, period, ...filter } = query;
  return {
    ...filter,
    ...(period && periodRange(period, await periodZoneOf(db, eventId, period))),
  };
}

/** One page of a figure's observations, filtered as the query says. */
export async function observationPage(
  db: Db,
  eventId: number,
  figureId: number,
  query: z.infer<typeof observationQuery>,
  includeInternal: boolean,
): Promise<Page<Observation>> {
  const visibility = { includeInternal };
  await loadVisibleFigure(db, eventId, figureId, visibility);
  const { limit: _limit, offset: _offset, ...rest } = query;
  const filter = await observationFilterOf(db, eventId, rest);
  return answerPage(
    query,
    (page) => listObservations(db, figureId, filter, visibility, page),
    (rows) => rows.map(presentObservation),
  );
}

/** A figure and every observation the filter matches, for an export. */
export async function observationExport(
  db: Db,
  eventId: number,
  figureId: number,
  query: z.infer<typeof observationExportQuery>,
  includeInternal: boolean,
): Promise<CsvExport<Observation>> {
  const visibility = { includeInternal };
  const figure = await loadVisibleFigure(db, eventId, figureId, visibility);
  const filter = await observationFilterOf(db, eventId, query);
  const rows = await fetchAllPages((page) =>
    listObservations(db, figureId, filter, visibility, { ...page, order: query.order }),
  );
  const columns = observationCsvColumns(presentFigure(figure), {
    units: await unitNames(db),
    facilities: await facilityNames(db),
  });
  return {
    name: `nyckeltal-${figure.key}`,
    columns,
    items: rows.map(presentObservation),
    timeZone: await eventTimeZone(db, eventId),
  };
}

/** A figure's values per day or week, read through the key-figure rule (aggregation.ts). */
export async function figureSeries(
  db: Db,
  eventId: number,
  figureId: number,
  query: z.infer<typeof seriesQuery>,
  includeInternal: boolean,
): Promise<Series> {
  const visibility = { includeInternal };
  const figure = await loadVisibleFigure(db, eventId, figureId, visibility);
  const { granularity, ...filter } = query;
  const [observations, directory, event] = await Promise.all([
    allObservations(db, figureId, filter, visibility),
    placeDirectory(db),
    requireEvent(db, eventId),
  ]);
  return {
    figure: presentFigure(figure),
    ...buildSeries(figure, observations, granularity, directory, event.time_zone),
  };
}

export interface CsvFile {
  filename: string;
  csv: string;
}

/** Parses a file without importing it; the preview is audited because it is a POST of data. */
export async function previewImport(
  db: Db,
  actor: Actor,
  eventId: number,
  file: CsvFile,
): Promise<ImportPreview> {
  return db.transaction().execute(async (trx) => {
    const parsed = await parseForEvent(trx, eventId, file.csv);
    await recordAudit(trx, actor, {
      action: 'figure.import.preview',
      entityType: 'figure_import',
      entityId: `csv:${file.filename}`,
      eventId,
      after: {
        filename: file.filename,
        rows: parsed.rows.length,
        errors: parsed.errors.length,
      },
    });
    return { ...parsed, valid: parsed.errors.length === 0 };
  });
}

const insertChunk = 500;

export interface ImportResult {
  source: string;
  imported: number;
  /** Rows a repeated pull had already stored unchanged. */
  skipped: number;
  observationIds: number[];
}

/** All rows or none: a file with any bad row is refused whole, listing every problem. */
export async function importObservations(
  db: Db,
  actor: Actor,
  eventId: number,
  file: CsvFile,
): Promise<Omit<ImportResult, 'skipped'>> {
  const { skipped: _skipped, ...result } = await importFile(db, actor, eventId, {
    format: 'csv',
    text: file.csv,
    source: `csv:${file.filename}`,
  });
  return result;
}

/**
 * Imports a CSV or JSON file as one transaction, after the checks of the CSV import. With a
 * `repeatKey`, a row that an earlier import under the same key stored with the same figure,
 * time, place and value is skipped, so a source read again and again adds only what is new.
 */
export async function importFile(
  db: Db,
  actor: Actor,
  eventId: number,
  file: { format: 'csv' | 'json'; text: string; source: string; repeatKey?: string },
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const lookups = await lookupsOfEvent(trx, eventId);
    const parsed =
      file.format === 'csv'
        ? parseFigureCsv(file.text, lookups)
        : parseFigureJson(file.text, lookups);
    if (parsed.errors.length > 0) throw badRowsError(parsed.errors, 'file');
    const keyed = parsed.rows.map((row) => ({
      row,
      clientKey: file.repeatKey ? contentKey(file.repeatKey, row) : null,
    }));
    const fresh = await withoutStoredKeys(trx, eventId, keyed);
    const result = await storeImport(trx, actor, eventId, fresh, file.source);
    return { ...result, skipped: parsed.rows.length - fresh.length };
  });
}

function contentKey(prefix: string, row: ParsedObservation): string {
  const place = row.unitId === null ? `f${row.facilityId ?? ''}` : `u${row.unitId}`;
  return `${prefix}:${row.figureId}:${row.observedAt}:${place}:${row.value}`;
}

async function withoutStoredKeys(
  trx: Db,
  eventId: number,
  keyed: { row: ParsedObservation; clientKey: string | null }[],
) {
  const keys = keyed.flatMap((entry) => (entry.clientKey === null ? [] : [entry.clientKey]));
  const seen = new Set<string>();
  for (let start = 0; start < keys.length; start += insertChunk) {
    const stored = await findObservationsByClientKey(
      trx,
      eventId,
      keys.slice(start, start + insertChunk),
    );
    for (const row of stored) seen.add(row.client_key!);
  }
  return keyed.filter((entry) => {
    if (entry.clientKey === null) return true;
    if (seen.has(entry.clientKey)) return false;
    seen.add(entry.clientKey);
    return true;
  });
}

function badRowsError(problems: CsvProblem[], what: 'file' | 'push'): AppError {
  const bad = new Set(problems.map((problem) => problem.row)).size;
  if (what === 'file') {
    return errors.badRequest(
      `Filen har fel på ${bad} ${bad === 1 ? 'rad' : 'rader'}. Inget har importerats; rätta felen och försök igen.`,
      { field: 'csv', errors: problems },
    );
  }
  return errors.badRequest(
    `${bad} ${bad === 1 ? 'observation har' : 'observationer har'} fel. Inget har sparats; rätta felen och skicka igen.`,
    { field: 'observations', errors: problems },
  );
}

async function storeImport(
  trx: Db,
  actor: Actor,
  eventId: number,
  keyed: { row: ParsedObservation; clientKey: string | null }[],
  source: string,
): Promise<Omit<ImportResult, 'skipped'>> {
  const now = new Date().toISOString();
  const values: Insertable<FigureObservationsTable>[] = keyed.map(({ row, clientKey }) => ({
    event_id: eventId,
    definition_id: row.figureId,
    value: row.value,
    observed_at: row.observedAt,
    unit_id: row.unitId,
    facility_id: row.facilityId,
    source: row.source ? `${source} (${row.source})` : source,
    internal: 0,
    entered_by: actor.userId,
    created_at: now,
    client_key: clientKey,
  }));
  const inserted = await insertInChunks(trx, values);
  const observationIds = inserted.map((row) => row.id);
  await recordAudit(trx, actor, {
    action: 'figure.import',
    entityType: 'figure_import',
    entityId: source,
    eventId,
    after: {
      source,
      imported: inserted.length,
      perFigure: countBy(keyed.map(({ row }) => row.figureKey)),
      observationIds,
    },
  });
  return { source, imported: inserted.length, observationIds };
}

async function insertInChunks(
  trx: Db,
  values: Insertable<FigureObservationsTable>[],
): Promise<ObservationRow[]> {
  const inserted: ObservationRow[] = [];
  for (let start = 0; start < values.length; start += insertChunk) {
    inserted.push(...(await insertObservations(trx, values.slice(start, start + insertChunk))));
  }
  return inserted;
}

export interface PushResult {
  results: { clientKey: string; observationId: number }[];
  created: number;
  alreadyStored: number;
}

/**
 * Stores a pushed batch, all or nothing. An observation whose client key is already stored with
 * the same content is not stored again, so a retried push answers as the first one did; the same
 * key with other content is refused, since the sender has mixed up its keys.
 */
export async function pushObservations(
  db: Db,
  actor: Actor,
  eventId: number,
  observations: PushedObservation[],
): Promise<PushResult> {
  try {
    return await storePush(db, actor, eventId, observations);
  } catch (error) {
    // A concurrent push with the same keys won the race; the second look finds its rows.
    if (!isUniqueViolation(error)) throw error;
    return storePush(db, actor, eventId, observations);
  }
}

async function storePush(
  db: Db,
  actor: Actor,
  eventId: number,
  observations: PushedObservation[],
): Promise<PushResult> {
  return db.transaction().execute(async (trx) => {
    const lookups = await lookupsOfEvent(trx, eventId);
    const { rows, problems } = checkPushed(observations, lookups);
    if (problems.length > 0) throw badRowsError(problems, 'push');
    const stored = new Map(
      (
        await findObservationsByClientKey(
          trx,
          eventId,
          rows.map((row) => row.clientKey),
        )
      ).map((row) => [row.client_key!, row]),
    );
    const reused = rows.flatMap((row) => {
      const existing = stored.get(row.clientKey);
      if (!existing || sameObservation(existing, row)) return [];
      return [{ row: row.row, column: null, message: keyReusedMessage(row.clientKey) }];
    });
    if (reused.length > 0) {
      throw new AppError(
        'conflict',
        'Klientnyckeln används redan för en annan observation. Inget har sparats; ge varje ny observation en egen nyckel.',
        { field: 'observations', errors: reused },
      );
    }
    const fresh = rows.filter((row) => !stored.has(row.clientKey));
    const now = new Date().toISOString();
    const inserted = await insertInChunks(
      trx,
      fresh.map((row) => ({
        event_id: eventId,
        definition_id: row.figureId,
        value: row.value,
        observed_at: row.observedAt,
        unit_id: row.unitId,
        facility_id: row.facilityId,
        source: pushedSource(row),
        internal: 0,
        entered_by: actor.userId,
        created_at: now,
        client_key: row.clientKey,
      })),
    );
    for (const row of inserted) stored.set(row.client_key!, row);
    if (inserted.length > 0) {
      await recordAudit(trx, actor, {
        action: 'figure.push',
        entityType: 'figure_push',
        entityId: inserted[0]!.id,
        eventId,
        after: {
          created: inserted.length,
          perFigure: countBy(fresh.map((row) => row.figureKey)),
          observationIds: inserted.map((row) => row.id),
        },
      });
    }
    return {
      results: rows.map((row) => ({
        clientKey: row.clientKey,
        observationId: stored.get(row.clientKey)!.id,
      })),
      created: inserted.length,
      alreadyStored: rows.length - inserted.length,
    };
  });
}

type PushedRow = ParsedObservation & { clientKey: string };

function checkPushed(
  observations: PushedObservation[],
  lookups: ImportLookups,
): { rows: PushedRow[]; problems: CsvProblem[] } {
  const rows: PushedRow[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  observations.forEach((observation, index) => {
    const row = index + 1;
    if (seen.has(observation.clientKey)) {
      problems.push({ row, column: null, message: 'Klientnyckeln finns redan i sändningen.' });
    }
    seen.add(observation.clientKey);
    const checked = validateObservationCells(
      {
        figure: observation.figure,
        value: String(observation.value),
        observed_at: observation.observedAt,
        unit: observation.unit ?? '',
        source: observation.source ?? '',
      },
      row,
      lookups,
    );
    if ('problems' in checked) problems.push(...checked.problems);
    else rows.push({ ...checked, clientKey: observation.clientKey });
  });
  return { rows, problems };
}

function pushedSource(row: ParsedObservation): string {
  return row.source ? `push (${row.source})` : 'push';
}

function sameObservation(stored: ObservationRow, row: PushedRow): boolean {
  return (
    stored.definition_id === row.figureId &&
    stored.value === row.value &&
    Date.parse(stored.observed_at) === Date.parse(row.observedAt) &&
    stored.unit_id === row.unitId &&
    stored.facility_id === row.facilityId &&
    stored.source === pushedSource(row)
  );
}

function keyReusedMessage(clientKey: string): string {
  return `Klientnyckeln "${clientKey}" har redan sparats med ett annat innehåll.`;
}

async function lookupsOfEvent(db: Db, eventId: number): Promise<ImportLookups> {
  const [figures, units, facilities, timeZone] = await Promise.all([
    listFiguresOfEvent(db, eventId),
    eventUnitsInOrder(db, eventId),
    listFacilities(db),
    eventTimeZone(db, eventId),
  ]);
  const inEvent = new Set(units.map((unit) => unit.unitId));
  return {
    timeZone,
    figuresByKey: new Map(figures.map((figure) => [figure.key, figure])),
    unitIdsByCode: new Map(units.map((unit) => [unit.code, unit.unitId])),
    facilityIdsByCode: new Map(
      facilities
        .filter((facility) => inEvent.has(facility.unit_id))
        .map((facility) => [facility.code, facility.id]),
    ),
  };
}

async function parseForEvent(db: Db, eventId: number, csv: string): Promise<ParsedCsv> {
  return parseFigureCsv(csv, await lookupsOfEvent(db, eventId));
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function checkThresholds(higherIsWorse: number, yellow: number | null, red: number | null): void {
  if (yellow === null || red === null) return;
  if (higherIsWorse === 1 && red < yellow) {
    throw errors.badRequest(
      'Gränsen för Allvarligt måste vara minst lika hög som gränsen för Påverkat.',
      {
        field: 'redThreshold',
      },
    );
  }
  if (higherIsWorse === 0 && red > yellow) {
    throw errors.badRequest('Gränsen för Allvarligt får inte vara högre än gränsen för Påverkat.', {
      field: 'redThreshold',
    });
  }
}

async function refuseTakenKey(db: Db, eventId: number, key: string): Promise<void> {
  if (await findFigureByKey(db, eventId, key)) {
    throw errors.badRequest(`Det finns redan ett nyckeltal med nyckeln "${key}".`, {
      field: 'key',
    });
  }
}

const meaningWords: Record<FigureExchangeMeaning, string> = {
  bed_occupancy_percent: 'vårdplatsernas beläggning i procent',
  staffed_beds: 'antalet bemannade vårdplatser',
};

async function refuseTakenMeaning(
  db: Db,
  eventId: number,
  meaning: FigureExchangeMeaning | null,
): Promise<void> {
  if (meaning === null) return;
  const holder = await findFigureByExchangeMeaning(db, eventId, meaning);
  if (!holder) return;
  throw errors.badRequest(
    `Nyckeltalet "${holder.name}" står redan för ${meaningWords[meaning]} i utbytet. ` +
      'Ta bort betydelsen där först.',
    { field: 'exchangeMeaning' },
  );
}

async function loadFigure(db: Db, eventId: number, figureId: number): Promise<FigureRow> {
  const figure = await findFigure(db, eventId, figureId);
  if (!figure) throw errors.notFound('Nyckeltalet');
  return figure;
}
