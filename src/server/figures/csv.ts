import { type CsvColumn, csvDateTime } from '../http/csv.ts';
import type { Figure, Observation } from '../../contract/figures.ts';

interface Names {
  units: Map<number, string>;
  facilities: Map<number, string>;
}

function nameOf(names: Map<number, string>, id: number | null): string | null {
  return id === null ? null : (names.get(id) ?? null);
}

export function observationCsvColumns(
  figure: Figure,
  names: Names,
): readonly CsvColumn<Observation>[] {
  return [
    { header: 'Nr', cell: (observation) => observation.id },
    { header: 'Nyckeltal', cell: () => figure.name },
    { header: 'Tidpunkt', cell: (observation) => csvDateTime(observation.observedAt) },
    { header: 'Värde', cell: (observation) => observation.value },
    { header: 'Måttenhet', cell: () => figure.unitOfMeasure },
    { header: 'Enhet', cell: (observation) => nameOf(names.units, observation.unitId) },
    {
      header: 'Vårdinrättning',
      cell: (observation) => nameOf(names.facilities, observation.facilityId),
    },
    { header: 'Intern', cell: (observation) => observation.internal },
  ];
}
