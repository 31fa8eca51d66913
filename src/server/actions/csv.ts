import { type CsvColumn, csvDateTime } from '../http/csv.ts';
import type { presentAction } from './service.ts';

type Action = ReturnType<typeof presentAction>;

const stateNames: Record<Action['state'], string> = {
  open: 'Öppen',
  in_progress: 'Pågår',
  done: 'Klar',
  cancelled: 'Avbruten',
};

export function actionCsvColumns(unitNames: Map<number, string>): readonly CsvColumn<Action>[] {
  return [
    { header: 'Nr', cell: (action) => action.id },
    { header: 'Åtgärd', cell: (action) => action.text },
    { header: 'Ansvarig', cell: (action) => action.owner.name },
    {
      header: 'Ansvarig enhet',
      cell: (action) =>
        action.owner.unitId === null ? null : (unitNames.get(action.owner.unitId) ?? null),
    },
    { header: 'Klar senast', cell: (action) => csvDateTime(action.dueAt) },
    { header: 'Läge', cell: (action) => stateNames[action.state] },
    { header: 'Försenad', cell: (action) => action.overdue },
    { header: 'Följer av beslut nr', cell: (action) => action.decisionId },
    { header: 'Intern', cell: (action) => action.internal },
  ];
}
