import type { Decision } from '../../contract/decisions.ts';
import { type CsvColumn, csvDateTime } from '../http/csv.ts';

export const decisionCsvColumns: readonly CsvColumn<Decision>[] = [
  { header: 'Nr', cell: (decision) => decision.id },
  { header: 'Beslutat', cell: (decision) => csvDateTime(decision.decidedAt) },
  { header: 'Forum', cell: (decision) => decision.forum },
  { header: 'Mandat', cell: (decision) => decision.mandate },
  { header: 'Beslut', cell: (decision) => decision.text },
  { header: 'Motivering', cell: (decision) => decision.rationale },
  { header: 'Gäller från', cell: (decision) => csvDateTime(decision.effectiveFrom) },
  { header: 'Gäller till', cell: (decision) => csvDateTime(decision.effectiveTo) },
  { header: 'Omstyrningar', cell: (decision) => decision.diversionIds.join(', ') },
  { header: 'Intern', cell: (decision) => decision.internal },
];
