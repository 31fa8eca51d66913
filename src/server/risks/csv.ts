import type { Risk, RiskDirection } from '../../contract/risks.ts';
import { type CsvColumn, csvDateTime } from '../http/csv.ts';

const directionNames: Record<RiskDirection, string> = {
  rising: 'Ökande',
  falling: 'Minskande',
  unchanged: 'Oförändrad',
};

export const riskCsvColumns: readonly CsvColumn<Risk>[] = [
  { header: 'Nr', cell: (risk) => risk.id },
  { header: 'Risk', cell: (risk) => risk.title },
  { header: 'Beskrivning', cell: (risk) => risk.description },
  { header: 'Sannolikhet', cell: (risk) => risk.likelihood },
  { header: 'Konsekvens', cell: (risk) => risk.consequence },
  { header: 'Riskvärde', cell: (risk) => risk.score },
  {
    header: 'Utveckling',
    cell: (risk) => (risk.trend ? directionNames[risk.trend.direction] : null),
  },
  { header: 'Åtgärder', cell: (risk) => risk.mitigation },
  { header: 'Ägare', cell: (risk) => risk.owner },
  { header: 'Senast bedömd', cell: (risk) => csvDateTime(risk.lastAssessedAt) },
  { header: 'Intern', cell: (risk) => risk.internal },
];
