import { stockholmLocalToInstant } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import {
  createFigure,
  importObservations,
  recordObservation,
  recordUnitObservation,
} from './service.ts';

// Numbers follow the seed reports: SÄS overcrowded through weeks 45–46 and back to about 90 %
// by 22 November, walk-in patients sent elsewhere from 4 November, 975 media articles in week 47,
// and access rights the main bottleneck before go-live. Every value is invented.

const staff = 'elin.bergstrom@lagesbild.local';
const importer = 'oskar.nyberg@lagesbild.local';
const sasReporter = 'sara.holm@lagesbild.local';

/** SÄS bed occupancy at 07:00 each day, 28 October to 24 November 2024, per week 44–47. */
const bedOccupancy = [
  [96.4, 97.1, 98.3, 97.8, 99.2, 98.6, 99.5],
  [101.2, 102.8, 104.1, 103.5, 105.3, 104.7, 103.9],
  [105.8, 107.4, 109.6, 108.2, 106.9, 105.1, 104.4],
  [102.7, 99.8, 96.5, 93.1, 90.2, 89.4, 88.7],
].flat();

/**
 * Patients waiting at Akutmottagningen Borås at 14:00, same days: fewer once walk-in patients
 * were sent elsewhere (4 November), more around go-live (12 November) and after the diversion
 * ended (22 November 14:00).
 */
const waitingAtEmergency = [
  [34, 37, 31, 36, 33, 29, 30],
  [21, 18, 17, 19, 22, 16, 15],
  [17, 26, 31, 28, 24, 19, 18],
  [16, 15, 17, 14, 15, 23, 25],
].flat();

const mediaArticlesPerWeek: [string, number][] = [
  ['2024-11-01', 240],
  ['2024-11-08', 410],
  ['2024-11-15', 860],
  ['2024-11-22', 975],
];

/** Open access-right cases per unit, Mondays and Thursdays at 09:00. */
const accessRightCases: [string, number, number, number][] = [
  ['2024-10-28', 1450, 420, 90],
  ['2024-10-31', 1210, 350, 70],
  ['2024-11-04', 980, 300, 55],
  ['2024-11-07', 720, 240, 40],
  ['2024-11-11', 640, 190, 35],
  ['2024-11-14', 910, 260, 50],
  ['2024-11-18', 560, 170, 30],
  ['2024-11-21', 380, 120, 20],
];

/** Bed occupancy and patients waiting at the ED: the two figures both demo events follow. */
export const hospitalFigures = [
  {
    key: 'beläggningsgrad',
    name: 'Beläggningsgrad i slutenvården',
    unitOfMeasure: '%',
    higherIsWorse: true,
    yellowThreshold: 90,
    redThreshold: 100,
    internal: false,
    exchangeMeaning: 'bed_occupancy_percent',
    source: 'manual',
  },
  {
    key: 'vantande-akut',
    name: 'Väntande patienter på akutmottagningen',
    unitOfMeasure: 'st',
    higherIsWorse: true,
    yellowThreshold: 25,
    redThreshold: 35,
    internal: false,
    exchangeMeaning: null,
    source: 'manual',
  },
] as const;

export async function loadFiguresDemo(db: Db, context: DemoContext): Promise<void> {
  const { eventId } = context;
  const define = context.actorFor(staff);
  for (const figure of hospitalFigures) await createFigure(db, define, eventId, figure);
  const media = await createFigure(db, define, eventId, {
    key: 'medieartiklar',
    name: 'Medieartiklar om Millennium per vecka',
    unitOfMeasure: 'st',
    higherIsWorse: true,
    yellowThreshold: null,
    redThreshold: null,
    internal: false,
    exchangeMeaning: null,
    source: 'manual',
  });
  await createFigure(db, define, eventId, {
    key: 'behorighetsarenden',
    name: 'Öppna ärenden om behörigheter',
    unitOfMeasure: 'st',
    higherIsWorse: true,
    yellowThreshold: 200,
    redThreshold: 500,
    internal: true,
    exchangeMeaning: null,
    source: 'manual',
  });

  const importerActor = context.actorFor(importer);
  await importObservations(db, importerActor, eventId, {
    filename: 'belaggning-sas-v44-v47.csv',
    csv: bedOccupancyCsv(),
  });
  await importObservations(db, importerActor, eventId, {
    filename: 'behorighetsarenden-v44-v47.csv',
    csv: accessRightsCsv(),
  });

  const reporter = context.actorFor(sasReporter);
  const emergencyDepartment = context.facilityIds.get('SÄS-AKM-BORÅS')!;
  for (const [index, waiting] of waitingAtEmergency.entries()) {
    await recordUnitObservation(db, reporter, eventId, context.unitIds.get('SÄS')!, {
      figureKey: 'vantande-akut',
      value: waiting,
      observedAt: stockholmLocalToInstant(dayOfDemo(index), '14:00').toISOString(),
      facilityId: emergencyDepartment,
      source: 'Akutmottagningens tavla',
      internal: false,
    });
  }

  for (const [date, articles] of mediaArticlesPerWeek) {
    await recordObservation(db, define, eventId, media.id, {
      value: articles,
      observedAt: stockholmLocalToInstant(date, '12:00').toISOString(),
      unitId: null,
      facilityId: null,
      source: 'Mediebevakning, kommunikationsstaben',
      internal: false,
    });
  }
}

function bedOccupancyCsv(): string {
  const rows = bedOccupancy.map(
    (value, index) =>
      `beläggningsgrad;${String(value).replace('.', ',')};${dayOfDemo(index)} 07:00;SÄS;Morgonrapport vårdplatskoordinator`,
  );
  return ['nyckeltal;värde;tidpunkt;enhet;källa', ...rows].join('\n');
}

function accessRightsCsv(): string {
  const rows = accessRightCases.flatMap(([date, sas, nh, rh]) =>
    [
      ['SÄS', sas],
      ['NH', nh],
      ['RH', rh],
    ].map(([unit, count]) => `behorighetsarenden;${count};${date} 09:00;${unit};Serviceportalen`),
  );
  return ['nyckeltal;värde;tidpunkt;enhet;källa', ...rows].join('\n');
}

function dayOfDemo(index: number): string {
  const day = new Date(Date.UTC(2024, 9, 28 + index));
  return day.toISOString().slice(0, 10);
}
