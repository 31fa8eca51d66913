import { type DiversionCategory } from '../../contract/diversions.ts';
import { type ReadinessLevel } from '../../contract/readiness.ts';
import { type SeriesLabel, seriesLabelOf } from '../../core/report-title.ts';

// How Lägesbild's own terms map onto the code lists of the exchange standards. docs/formats/
// README.md shows the same tables for the people on the receiving end.

export type Severity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
export type ReportVersion = 'Initial' | 'Update' | 'Final';
export type EmsTrafficStatus = 'Normal' | 'Advisory' | 'Closed' | 'NotApplicable';
export type FacilityStatus = 'Normal' | 'Compromised';

const severityOfLevel: Record<ReadinessLevel, Severity> = {
  normal: 'Minor',
  stabsläge: 'Moderate',
  förstärkningsläge: 'Severe',
  katastrofläge: 'Extreme',
};

/** No readiness level set yet means nobody has judged the severity. */
export function severityOf(level: ReadinessLevel | undefined): Severity {
  return level ? severityOfLevel[level] : 'Unknown';
}

const versionOfLabel: Record<SeriesLabel, ReportVersion> = {
  initial: 'Initial',
  update: 'Update',
  extra: 'Update',
  final: 'Final',
};

/**
 * The report's label in its series: Initial for its first report, Update for each later one
 * (an extra report too) and for each correction, Final for a final report and for the newest
 * report of an event that is closed.
 */
export function reportVersionOf(report: {
  revision: number;
  seriesNumber: number;
  isNewestNumber: boolean;
  eventClosed: boolean;
  kind: 'regular' | 'extra' | 'final';
}): ReportVersion {
  const version = versionOfLabel[seriesLabelOf(report)];
  if (version === 'Final' || (report.isNewestNumber && report.eventClosed)) return 'Final';
  return report.revision > 1 ? 'Update' : version;
}

/**
 * Ambulances sent elsewhere close the department to EMS traffic (HAVE: "requesting re-route of
 * EMS traffic"); walk-in patients or secondary transports sent elsewhere only limit it
 * (Advisory). A facility that is not an emergency department has no EMS traffic status.
 */
export function emsTrafficStatusOf(
  facilityKind: 'emergency_department' | 'ward' | 'other',
  categoriesInForce: DiversionCategory[],
): EmsTrafficStatus {
  if (facilityKind !== 'emergency_department') return 'NotApplicable';
  if (categoriesInForce.includes('ambulance')) return 'Closed';
  return categoriesInForce.length > 0 ? 'Advisory' : 'Normal';
}

/** A unit in disaster mode ("katastrofläge") can no longer run as usual. */
export function facilityStatusOf(unitLevel: ReadinessLevel | undefined): FacilityStatus {
  return unitLevel === 'katastrofläge' ? 'Compromised' : 'Normal';
}

/** Full beds or more: no vacant bed to offer (HAVE CapacityStatus). */
export function capacityStatusOf(occupancyPercent: number): 'VacantAvailable' | 'NotAvailable' {
  return occupancyPercent >= 100 ? 'NotAvailable' : 'VacantAvailable';
}

export const workflowRoles = { drafter: 'Rapportskrivare', approver: 'Godkännare' } as const;
export const situationRoles = { reporter: 'Enhetsrapportör', reviewer: 'Granskare i staben' };

/** EDXL date-times carry an explicit offset and no fractions of a second. */
export function edxlDateTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}+00:00`;
}
