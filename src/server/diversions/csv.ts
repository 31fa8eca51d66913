import { type CsvColumn, csvDateTime } from '../http/csv.ts';
import type { Diversion, DiversionCategory } from '../../contract/diversions.ts';

const categoryNames: Record<DiversionCategory, string> = {
  walk_in: 'Gående',
  ambulance: 'Ambulans',
  secondary_transport: 'Sekundärtransport',
};

export function diversionCsvColumns(
  facilityNames: Map<number, string>,
): readonly CsvColumn<Diversion>[] {
  return [
    { header: 'Nr', cell: (diversion) => diversion.id },
    {
      header: 'Akutmottagning',
      cell: (diversion) => facilityNames.get(diversion.facilityId) ?? null,
    },
    {
      header: 'Flöden som styrs om',
      cell: (diversion) => diversion.categories.map((name) => categoryNames[name]).join(', '),
    },
    { header: 'Hänvisas till', cell: (diversion) => diversion.redirectedTo },
    { header: 'Från', cell: (diversion) => csvDateTime(diversion.startsAt) },
    { header: 'Till', cell: (diversion) => csvDateTime(diversion.endsAt) },
    { header: 'Följer av beslut nr', cell: (diversion) => diversion.decisionId },
    { header: 'Anteckning', cell: (diversion) => diversion.note },
    { header: 'Intern', cell: (diversion) => diversion.internal },
  ];
}
