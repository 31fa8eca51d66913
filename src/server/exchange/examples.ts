import type { Db } from '../db/schema.ts';
import { measureReportBundle } from './fhir.ts';
import { haveXml } from './have.ts';
import { facilityMeasures, hospitalStatuses, publishedReportSitRep } from './service.ts';
import { sitRepXml } from './sitrep.ts';

/** Where the example files live, relative to the repository root. */
export const exampleFiles = {
  sitRep: 'docs/formats/sitrep-example.xml',
  have: 'docs/formats/have-example.xml',
  measureReport: 'docs/formats/measurereport-example.json',
} as const;

const exampleBaseUrl = 'https://lagesbild.example.se';
/** 20 November 2024 at noon: Akutmottagningen Borås sends walk-in patients and ambulances elsewhere. */
const haveInstant = '2024-11-20T11:00:00.000Z';
const measurePeriod = '2024-W46';

/** The documentation's example files, built from the demo event with the public's view. */
export async function buildExamples(
  db: Db,
  eventId: number,
): Promise<Record<keyof typeof exampleFiles, string>> {
  const { sitRep } = await publishedReportSitRep(db, eventId, 1, 'public');
  const hospitals = await hospitalStatuses(db, eventId, false, haveInstant);
  const measures = await facilityMeasures(db, eventId, { period: measurePeriod }, false);
  const selfUrl = `${exampleBaseUrl}/api/events/${eventId}/exchange/fhir/MeasureReport?period=${measurePeriod}`;
  return {
    sitRep: sitRepXml(sitRep),
    have: haveXml(hospitals),
    measureReport: `${JSON.stringify(measureReportBundle(measures, exampleBaseUrl, selfUrl), null, 2)}\n`,
  };
}
