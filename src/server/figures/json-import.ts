import {
  type CsvProblem,
  type ImportLookups,
  type ObservationCells,
  type ParsedFile,
  type ParsedObservation,
  csvColumns,
  maxRows,
  validateObservationCells,
} from './csv-import.ts';

/**
 * Reads key figures as JSON: an array of objects, or `{ "observations": [...] }`, whose fields
 * are the CSV columns (figure, value, observed_at, unit, source). Row numbers count the objects
 * from 1, and every object goes through the same checks as a CSV line.
 */
export function parseFigureJson(text: string, lookups: ImportLookups): ParsedFile {
  const items = readItems(text);
  if (!Array.isArray(items)) return failed(items.message);
  if (items.length === 0) return failed('Filen innehåller inga observationer att importera.');
  if (items.length > maxRows) return failed(`Filen får innehålla högst ${maxRows} observationer.`);
  const rows: ParsedObservation[] = [];
  const errors: CsvProblem[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    const cells = cellsOf(item);
    if (!cells) {
      errors.push({ row, column: null, message: 'Observationen är inget JSON-objekt.' });
      return;
    }
    const checked = validateObservationCells(cells, row, lookups);
    if ('problems' in checked) errors.push(...checked.problems);
    else rows.push(checked);
  });
  return { rows, errors };
}

function readItems(text: string): unknown[] | { message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message: 'Filen går inte att läsa som JSON.' };
  }
  if (Array.isArray(parsed)) return parsed;
  const observations = (parsed as { observations?: unknown } | null)?.observations;
  if (Array.isArray(observations)) return observations;
  return { message: 'JSON-filen ska vara en lista med observationer.' };
}

function cellsOf(item: unknown): ObservationCells | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const cells: ObservationCells = {};
  for (const column of csvColumns) {
    const value = (item as Record<string, unknown>)[column];
    if (typeof value === 'string' || typeof value === 'number') cells[column] = String(value);
  }
  return cells;
}

function failed(message: string): ParsedFile {
  return { rows: [], errors: [{ row: 1, column: null, message }] };
}
