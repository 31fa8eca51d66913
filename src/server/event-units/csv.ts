import { CsvError, parse } from 'csv-parse/sync';
import { unitKinds } from '../../contract/units.ts';
import type { UnitKind } from '../units/tables.ts';

/** One row of a unit file: code, name, short name, kind, parent code. */
export interface UnitCsvRow {
  /** The line in the file, counting a header as line 1. */
  row: number;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentCode: string | null;
}

export interface UnitCsvProblem {
  row: number;
  message: string;
}

/** Kinds by their Swedish or English name, or their stored value. */
const kindNames: ReadonlyMap<string, UnitKind> = new Map([
  ...unitKinds.map((kind) => [kind, kind] as const),
  ['sjukhus', 'hospital'],
  ['primärvård', 'primary_care'],
  ['kommun', 'municipality'],
  ['stödfunktion', 'support'],
  ['grupp', 'group'],
  ['nation', 'nation'],
  ['riket', 'nation'],
  ['organisation', 'organisation'],
  ['annan', 'other'],
  ['övrig', 'other'],
]);

const headerWords = new Set(['code', 'kod']);

/**
 * Reads a unit file: ';' or ',' between columns, an optional header row (first column "kod" or
 * "code"). Every problem is reported with its line; the rows are only good when there is none.
 */
export function parseUnitCsv(csv: string): { rows: UnitCsvRow[]; problems: UnitCsvProblem[] } {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      delimiter,
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      rows: [],
      problems: [{ row: 1, message: `Filen går inte att läsa: ${error.message}` }],
    };
  }
  const hasHeader = headerWords.has((records[0]?.record[0] ?? '').toLowerCase());
  const data = hasHeader ? records.slice(1) : records;
  if (data.length === 0)
    return { rows: [], problems: [{ row: 1, message: 'Filen har inga enheter.' }] };
  const rows: UnitCsvRow[] = [];
  const problems: UnitCsvProblem[] = [];
  for (const { record, info } of data) {
    const result = readRow(record, info.lines);
    if (typeof result === 'string') problems.push({ row: info.lines, message: result });
    else rows.push(result);
  }
  return { rows, problems };
}

function readRow(record: string[], row: number): UnitCsvRow | string {
  const [code = '', name = '', shortName = '', kindText = '', parentCode = ''] = record;
  if (code === '') return 'Koden saknas.';
  if (code.length > 40) return `Koden ${code} är längre än 40 tecken.`;
  if (name === '') return `Namnet saknas för ${code}.`;
  if (name.length > 200) return `Namnet för ${code} är längre än 200 tecken.`;
  if (shortName.length > 40) return `Kortnamnet för ${code} är längre än 40 tecken.`;
  const kind = kindNames.get(kindText.toLowerCase());
  if (!kind)
    return `Slaget "${kindText}" för ${code} finns inte. Använd till exempel sjukhus, grupp, region eller annan.`;
  return { row, code, name, shortName, kind, parentCode: parentCode === '' ? null : parentCode };
}
