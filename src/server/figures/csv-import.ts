import { CsvError, parse } from 'csv-parse/sync';
import { zonedLocalToInstant, zoneInSwedish } from '../../core/time.ts';
import type { FigureRow } from './repository.ts';

export const csvColumns = ['figure', 'value', 'observed_at', 'unit', 'source'] as const;
export type CsvColumn = (typeof csvColumns)[number];

const headerAliases: Record<CsvColumn, string[]> = {
  figure: ['figure', 'nyckeltal', 'nyckel', 'key'],
  value: ['value', 'värde', 'varde'],
  observed_at: ['observed_at', 'tidpunkt', 'tid', 'datum'],
  unit: ['unit', 'facility', 'enhet', 'plats', 'enhet/plats'],
  source: ['source', 'källa', 'kalla'],
};

export const maxRows = 10_000;

export interface ImportLookups {
  figuresByKey: Map<string, FigureRow>;
  unitIdsByCode: Map<string, number>;
  facilityIdsByCode: Map<string, number>;
  /** The event's IANA time zone, in which a time written without a zone is read. */
  timeZone: string;
}

export interface ParsedObservation {
  /** The line in the file, counting the header as line 1. */
  row: number;
  figureId: number;
  figureKey: string;
  value: number;
  observedAt: string;
  place: string | null;
  unitId: number | null;
  facilityId: number | null;
  source: string | null;
}

export interface CsvProblem {
  row: number;
  column: CsvColumn | null;
  message: string;
}

export interface ParsedFile {
  rows: ParsedObservation[];
  errors: CsvProblem[];
}

export interface ParsedCsv extends ParsedFile {
  separator: ',' | ';';
}

/**
 * Reads a key-figure file. Either separator works (';' is what Swedish spreadsheets write, and
 * lets values use a decimal comma); the header row is optional and may be Swedish or English.
 */
export function parseFigureCsv(csv: string, lookups: ImportLookups): ParsedCsv {
  const separator = detectSeparator(csv);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      delimiter: separator,
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    return {
      separator,
      rows: [],
      errors: [{ row: line, column: null, message: csvMessage(error) }],
    };
  }
  const layout = readLayout(records[0]?.record ?? []);
  const errors: CsvProblem[] = [...layout.errors];
  const dataRecords = layout.hasHeader ? records.slice(1) : records;
  if (dataRecords.length === 0) {
    errors.push({ row: 1, column: null, message: 'Filen innehåller inga rader att importera.' });
  }
  if (dataRecords.length > maxRows) {
    errors.push({
      row: dataRecords[maxRows]!.info.lines,
      column: null,
      message: `Filen får innehålla högst ${maxRows} rader.`,
    });
    return { separator, rows: [], errors };
  }
  const rows: ParsedObservation[] = [];
  for (const { record, info } of dataRecords) {
    const parsed = parseRecord(record, info.lines, layout.columns, lookups);
    if ('problems' in parsed) errors.push(...parsed.problems);
    else rows.push(parsed);
  }
  return { separator, rows, errors };
}

function detectSeparator(csv: string): ',' | ';' {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') ? ';' : ',';
}

interface Layout {
  hasHeader: boolean;
  /** Which column each position of a record holds. */
  columns: (CsvColumn | null)[];
  errors: CsvProblem[];
}

function readLayout(firstRecord: string[]): Layout {
  const named = firstRecord.map(columnOfHeader);
  if (!named.some((column) => column !== null)) {
    return { hasHeader: false, columns: [...csvColumns], errors: [] };
  }
  const errors: CsvProblem[] = [];
  firstRecord.forEach((name, index) => {
    if (named[index] === null && name !== '') {
      errors.push({ row: 1, column: null, message: `Okänd kolumn "${name}" i rubrikraden.` });
    }
  });
  for (const required of ['figure', 'value', 'observed_at'] as const) {
    if (!named.includes(required)) {
      errors.push({ row: 1, column: required, message: 'Kolumnen saknas i rubrikraden.' });
    }
  }
  return { hasHeader: true, columns: named, errors };
}

function columnOfHeader(name: string): CsvColumn | null {
  const normalised = name.trim().toLowerCase();
  return csvColumns.find((column) => headerAliases[column].includes(normalised)) ?? null;
}

function parseRecord(
  record: string[],
  row: number,
  columns: (CsvColumn | null)[],
  lookups: ImportLookups,
): ParsedObservation | { problems: CsvProblem[] } {
  const cells: ObservationCells = {};
  for (const column of csvColumns) cells[column] = record[columns.indexOf(column)];
  const checked = validateObservationCells(cells, row, lookups);
  if (record.length <= columns.length) return checked;
  const tooWide: CsvProblem = {
    row,
    column: null,
    message: `Raden har ${record.length} kolumner men filen har ${columns.length}.`,
  };
  return { problems: [tooWide, ...('problems' in checked ? checked.problems : [])] };
}

/** One observation as text cells, whether it came from a CSV line, a JSON object or a push. */
export type ObservationCells = Partial<Record<CsvColumn, string>>;

/** The checks every way of bringing in observations shares; `row` numbers the problems. */
export function validateObservationCells(
  cells: ObservationCells,
  row: number,
  lookups: ImportLookups,
): ParsedObservation | { problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const cell = (column: CsvColumn) => cells[column]?.trim() ?? '';
  const problem = (column: CsvColumn | null, message: string) =>
    problems.push({ row, column, message });

  const figure = lookups.figuresByKey.get(cell('figure'));
  if (!cell('figure')) problem('figure', 'Ange nyckeltalets nyckel.');
  else if (!figure) problem('figure', `Nyckeltalet "${cell('figure')}" finns inte i händelsen.`);

  const value = parseNumber(cell('value'));
  if (!cell('value')) problem('value', 'Ange ett värde.');
  else if (value === null) problem('value', `"${cell('value')}" är inte ett tal.`);

  const observedAt = parseInstant(cell('observed_at'), lookups.timeZone);
  if (!cell('observed_at')) problem('observed_at', 'Ange tidpunkten.');
  else if (observedAt === null) {
    problem(
      'observed_at',
      `"${cell('observed_at')}" är ingen giltig tidpunkt; skriv t.ex. 2024-11-05 08:00 (${zoneInSwedish(lookups.timeZone)}) eller ISO 8601 med tidszon.`,
    );
  }

  const place = cell('unit') || null;
  const unitId = place === null ? null : (lookups.unitIdsByCode.get(place) ?? null);
  const facilityId =
    place === null || unitId !== null ? null : (lookups.facilityIdsByCode.get(place) ?? null);
  if (place !== null && unitId === null && facilityId === null) {
    problem('unit', `Ingen enhet eller plats har koden "${place}".`);
  }
  const source = cell('source') || null;
  if (source !== null && source.length > 200) problem('source', 'Källan får ha högst 200 tecken.');

  if (problems.length > 0) return { problems };
  return {
    row,
    figureId: figure!.id,
    figureKey: figure!.key,
    value: value!,
    observedAt: observedAt!,
    place,
    unitId,
    facilityId,
    source,
  };
}

/** Accepts a decimal comma or point and spaces between thousands: "1 234,5". */
function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const localDateTime = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/;

/** ISO 8601 with a zone, or a local date in the event's zone with an optional "HH:mm". */
function parseInstant(text: string, zone: string): string | null {
  if (isoWithZone.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) || !calendarDateExists(text.slice(0, 10))
      ? null
      : instant.toISOString();
  }
  const local = localDateTime.exec(text);
  if (!local) return null;
  try {
    return zonedLocalToInstant(local[1]!, local[2] ?? '00:00', zone).toISOString();
  } catch {
    return null;
  }
}

// Date rolls 2024-02-30 over into March; a date that does not exist must be refused instead.
function calendarDateExists(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  return probe.getUTCMonth() === month! - 1 && probe.getUTCDate() === day;
}

function csvMessage(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'Ett citattecken avslutas aldrig.';
  return 'Filen går inte att läsa som CSV.';
}
