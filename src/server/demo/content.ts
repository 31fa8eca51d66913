import type { Role } from '../../core/access.ts';

// The demo replays the autumn-2024 go-live of a new health-record system in a Swedish region.
// Facts and figures follow the two public seed reports; all text is written anew and every
// person is invented.

export const demoEvent = {
  name: 'Millennium 2024',
  description:
    'Regional särskild organisation (RSO) för införandet av det nya vårdinformationssystemet Millennium i södra området. Staben samordnar förvaltningarnas lägesbilder och beslutar om regionövergripande åtgärder.',
  background:
    'Driftstarten i södra området är planerad till den 12 november 2024. Första etappen omfattar Södra Älvsborgs Sjukhus, Närhälsan, Regionhälsan, Regional laboratoriemedicin samt Fastighet, stöd och service. Kommunerna ansluter i en senare etapp.',
  isExercise: false,
  periodGranularity: 'week' as const,
  fourEyes: true,
  activatedAt: '2024-10-28T07:00:00Z',
};

/** The live event; its dates are laid around the day the demo loads (live-event.ts). */
export const liveEvent = {
  name: 'Hög belastning i akutsjukvården',
  description:
    'Regional särskild organisation som samordnar akutsjukvården i södra området när sjukhusen har fler patienter än vårdplatser. Staben följer vårdplatsläget, beslutar om omstyrning av patienter och samordnar kommunikationen.',
  background:
    'Staben aktiverades efter flera dygn med överbeläggningar på Södra Älvsborgs Sjukhus. Lägesbilden sammanställs varje vecka och går till regionledningen, förvaltningscheferna och intranätet.',
  isExercise: false,
  periodGranularity: 'week' as const,
  fourEyes: true,
};

/** The RSO closed formally on 26 November 2024 at 15:00 Stockholm time. */
export const archiveClosedAt = '2024-11-26T14:00:00.000Z';

export const demoUnits = [
  { code: 'SÄS', name: 'Södra Älvsborgs Sjukhus', kind: 'hospital' as const },
  { code: 'NH', name: 'Närhälsan', kind: 'primary_care' as const },
  { code: 'RH', name: 'Regionhälsan', kind: 'support' as const },
  { code: 'RLM', name: 'Regional laboratoriemedicin', kind: 'support' as const },
  { code: 'FSS', name: 'Fastighet, stöd och service', kind: 'support' as const },
];

export const demoFacilities = [
  {
    unitCode: 'SÄS',
    code: 'SÄS-AKM-BORÅS',
    name: 'Akutmottagningen Borås',
    kind: 'emergency_department' as const,
  },
  {
    unitCode: 'SÄS',
    code: 'SÄS-AKM-SKENE',
    name: 'Närakuten Skene',
    kind: 'emergency_department' as const,
  },
];

export const demoUsers: { email: string; name: string; role: Role; unitCode?: string }[] = [
  { email: 'elin.bergstrom@lagesbild.local', name: 'Elin Bergström', role: 'staff' },
  { email: 'oskar.nyberg@lagesbild.local', name: 'Oskar Nyberg', role: 'staff' },
  { email: 'sara.holm@lagesbild.local', name: 'Sara Holm', role: 'unit_reporter', unitCode: 'SÄS' },
  {
    email: 'ali.haddad@lagesbild.local',
    name: 'Ali Haddad',
    role: 'unit_reporter',
    unitCode: 'NH',
  },
  {
    email: 'lena.strom@lagesbild.local',
    name: 'Lena Ström',
    role: 'unit_reporter',
    unitCode: 'RH',
  },
  { email: 'petra.dahl@lagesbild.local', name: 'Petra Dahl', role: 'communicator' },
  { email: 'anders.wik@lagesbild.local', name: 'Anders Wik', role: 'approver' },
  { email: 'karin.sjoberg@lagesbild.local', name: 'Karin Sjöberg', role: 'reader' },
];
