import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { formatDate, formatDateTime } from '../../core/time.ts';

/** Most rows one export sends; a longer list is narrowed with the list's own filters. */
export const csvRowLimit = 100_000;

/** An instant, printed as a date and time in the export's time zone. */
export interface CsvInstant {
  instant: string;
}

export type CsvCell = string | number | boolean | null | CsvInstant;

export interface CsvColumn<T> {
  header: string;
  cell(item: T): CsvCell;
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
 * Injection"); tab and carriage return hide such a start from a quick look.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** Text that a spreadsheet shows as text: an apostrophe before a formula-like start. */
export function neutraliseCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function cellText(value: CsvCell, zone: string): string {
  if (value === null) return '';
  if (typeof value === 'object') return formatDateTime(new Date(value.instant), zone);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  // Numbers come from the system, not from a person's text; a decimal comma for Swedish Excel.
  if (typeof value === 'number') return String(value).replace('.', ',');
  return neutraliseCell(value);
}

/** A CSV file for Swedish Excel: UTF-8 with BOM, `;` between cells, CRLF between rows. */
export function toCsv<T>({ columns, items, timeZone }: CsvExport<T>): string {
  const rows = [
    columns.map((column) => column.header),
    ...items.map((item) => columns.map((column) => cellText(column.cell(item), timeZone))),
  ];
  return stringify(rows, { bom: true, delimiter: ';', record_delimiter: 'windows' });
}

/** An instant, printed in the export's time zone, or an empty cell. */
export function csvDateTime(instant: string | null): CsvInstant | null {
  return instant === null ? null : { instant };
}

/** `<name>-<today in the event's zone>.csv` */
function csvFilename(name: string, zone: string): string {
  return `${name}-${formatDate(new Date(), zone)}.csv`;
}

/** An attachment header with an ASCII fallback name and the real name in UTF-8 (RFC 6266). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The rows of an export, the columns that print them and the zone of its times, as a service answers them. */
export interface CsvExport<T> {
  /** The start of the file name, e.g. "loggbok". */
  name: string;
  columns: readonly CsvColumn<T>[];
  items: readonly T[];
  timeZone: string;
}

export function sendCsv<T>(reply: FastifyReply, file: CsvExport<T>) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachmentDisposition(csvFilename(file.name, file.timeZone)))
    .header('cache-control', 'no-store')
    .send(toCsv(file));
}
