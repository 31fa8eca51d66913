/** A facility's bed figures for one period, as FHIR R4 MeasureReports in the SANER style. */
export interface FacilityMeasure {
  facility: { id: number; code: string; name: string; unitName: string };
  period: { key: string; start: string; end: string };
  occupancy: Observed | null;
  capacity: Observed | null;
}

interface Observed {
  value: number;
  observedAt: string;
}

const UCUM = 'http://unitsofmeasure.org';
const POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

export const FHIR_CONTENT_TYPE = 'application/fhir+json; charset=utf-8';

export function measureUrl(baseUrl: string): string {
  return `${baseUrl}/fhir/Measure/vardplatser`;
}

/** A searchset Bundle: the matching MeasureReports and, included, the facilities they are about. */
export function measureReportBundle(measures: FacilityMeasure[], baseUrl: string, selfUrl: string) {
  const facilities = new Map(measures.map((measure) => [measure.facility.id, measure.facility]));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: measures.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: [
      ...measures.map((measure) => ({
        resource: measureReport(measure, baseUrl),
        search: { mode: 'match' },
      })),
      ...[...facilities.values()].map((facility) => ({
        resource: location(facility, baseUrl),
        search: { mode: 'include' },
      })),
    ],
  };
}

function measureReport(measure: FacilityMeasure, baseUrl: string) {
  const { facility, period, occupancy, capacity } = measure;
  const observedTimes = [occupancy, capacity].flatMap((value) => (value ? [value.observedAt] : []));
  return {
    resourceType: 'MeasureReport',
    id: `${locationId(facility.id)}-${period.key}`,
    status: 'complete',
    type: 'summary',
    measure: measureUrl(baseUrl),
    subject: {
      reference: `Location/${locationId(facility.id)}`,
      identifier: facilityIdentifier(facility.code, baseUrl),
      display: facility.name,
    },
    date: observedTimes.sort().at(-1) ?? period.end,
    reporter: { display: facility.unitName },
    period: { start: period.start, end: period.end },
    group: [
      ...(capacity ? [capacityGroup(capacity.value, baseUrl)] : []),
      ...(occupancy ? [occupancyGroup(occupancy.value, capacity?.value ?? null, baseUrl)] : []),
    ],
  };
}

function capacityGroup(beds: number, baseUrl: string) {
  return {
    code: groupCode(baseUrl, 'numBeds', 'Disponibla vårdplatser'),
    population: [{ code: populationCode('initial-population'), count: beds }],
    measureScore: { value: beds, unit: 'vårdplatser', system: UCUM, code: '{beds}' },
  };
}

/** The score is the occupancy in per cent; with a known bed count the populations show the beds. */
function occupancyGroup(percent: number, beds: number | null, baseUrl: string) {
  const populations =
    beds === null
      ? []
      : [
          { code: populationCode('denominator'), count: beds },
          { code: populationCode('numerator'), count: Math.round((beds * percent) / 100) },
        ];
  return {
    code: groupCode(baseUrl, 'numBedsOcc', 'Beläggningsgrad i slutenvården'),
    ...(populations.length > 0 && { population: populations }),
    measureScore: { value: percent, unit: '%', system: UCUM, code: '%' },
  };
}

function groupCode(baseUrl: string, code: string, display: string) {
  return { coding: [{ system: `${baseUrl}/fhir/CodeSystem/vardplatser`, code, display }] };
}

function populationCode(code: string) {
  return { coding: [{ system: POPULATION, code }] };
}

function location(facility: FacilityMeasure['facility'], baseUrl: string) {
  return {
    resourceType: 'Location',
    id: locationId(facility.id),
    identifier: [facilityIdentifier(facility.code, baseUrl)],
    status: 'active',
    name: facility.name,
    managingOrganization: { display: facility.unitName },
  };
}

function locationId(facilityId: number): string {
  return `facility-${facilityId}`;
}

function facilityIdentifier(code: string, baseUrl: string) {
  return { system: `${baseUrl}/fhir/sid/facility`, value: code };
}
