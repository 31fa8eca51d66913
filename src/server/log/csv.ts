import type { LogEntry } from '../../contract/log.ts';
import { type CsvColumn, csvDateTime } from '../http/csv.ts';

export const logCsvColumns: readonly CsvColumn<LogEntry>[] = [
  { header: 'Nr', cell: (entry) => entry.id },
  { header: 'Tidpunkt', cell: (entry) => csvDateTime(entry.occurredAt) },
  { header: 'Anteckning', cell: (entry) => entry.text },
  { header: 'Källa', cell: (entry) => entry.source },
  { header: 'Väsentlig', cell: (entry) => entry.significant },
  { header: 'Intern', cell: (entry) => entry.internal },
  { header: 'Struken', cell: (entry) => csvDateTime(entry.struck?.at ?? null) },
  { header: 'Skäl för strykning', cell: (entry) => entry.struck?.reason ?? null },
  { header: 'Registrerad', cell: (entry) => csvDateTime(entry.provenance.createdAt) },
];
