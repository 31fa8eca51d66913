import type { ReportSnapshot } from '../../core/report-snapshot.ts';
import { type Period, parsePeriod, periodLabel, periodOf } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { type DiversionRow, diversionsInForce } from '../diversions/repository.ts';
import { type DiversionCategory } from '../../contract/diversions.ts';
import { errors } from '../errors.ts';
import { requireEvent } from '../events/service.ts';
import { latestOf } from '../figures/aggregation.ts';
import {
  type ObservationRow,
  allObservations,
  findFigureByExchangeMeaning,
} from '../figures/repository.ts';
import type { FigureExchangeMeaning } from '../../contract/figures.ts';
import { type ReadinessChangeRow, findChangeAt } from '../readiness/repository.ts';
import {
  findReport,
  findSnapshotById,
  findSnapshotByNumber,
  publishedSnapshots,
} from '../reports/repository.ts';
import { verifiedSnapshot } from '../reports/snapshot.ts';
import { findSituation, listSituationVersions } from '../situations/repository.ts';
import type { EventUnit } from '../../contract/event-units.ts';
import { eventUnitsInOrder } from '../event-units/service.ts';
import { type FacilityRow, listFacilities } from '../units/repository.ts';
import { findUserById } from '../users/repository.ts';
import { type FacilityMeasure, measureReportBundle } from './fhir.ts';
import type { BedCapacity, HospitalStatus } from './have.ts';
import {
  capacityStatusOf,
  emsTrafficStatusOf,
  facilityStatusOf,
  reportVersionOf,
  severityOf,
  situationRoles,
  workflowRoles,
} from './mapping.ts';
import type { SitRep } from './sitrep.ts';

// Read-only: the exchange formats present what other capabilities hold and never write.

type Audience = 'public' | 'internal';

const reportPurposes = {
  regular: 'Regelbunden regional lägesrapport till ledning och samverkansparter.',
  extra: 'Extra regional lägesrapport med anledning av ändrat läge.',
  final: 'Regional slutrapport när den särskilda organisationen avvecklas.',
} as const;

/**
 * A published report as EDXL-SitRep, built from its frozen snapshot of the given audience. The
 * period start and the readiness level at compilation are history that no later change alters.
 */
export async function publishedReportSitRep(
  db: Db,
  eventId: number,
  number: number,
  audience: Audience,
  revision?: number,
): Promise<{ sitRep: SitRep; fileName: string }> {
  const meta = await findSnapshotByNumber(db, eventId, number, audience, revision);
  const row = meta && (await findSnapshotById(db, meta.id));
  const report = row && (await findReport(db, eventId, row.report_id));
  if (!row || !report) throw errors.notFound('Rapporten');
  const snapshot = verifiedSnapshot(row);
  const event = await requireEvent(db, eventId);
  const newest = (await publishedSnapshots(db, eventId, audience))[0]!;
  const level = await findChangeAt(
    db,
    eventId,
    null,
    snapshot.report.compiledAt,
    audience === 'internal',
  );
  const drafter = snapshot.authors.join(', ') || snapshot.approver || 'Okänd';
  const sitRep: SitRep = {
    messageId: `lagesbild:${eventId}:rapport:${row.number}:${row.revision}:${audience}`,
    preparedBy: { name: drafter, role: workflowRoles.drafter, at: snapshot.report.compiledAt },
    authorizedBy: {
      name: snapshot.approver ?? drafter,
      role: workflowRoles.approver,
      at: row.published_at,
    },
    purpose: reportPurposes[snapshot.report.kind],
    number: row.number,
    version: reportVersionOf({
      revision: row.revision,
      seriesNumber: report.series_number,
      isNewestNumber: newest.number === row.number,
      eventClosed: event.state === 'closed',
      kind: snapshot.report.kind,
    }),
    period: { from: report.period_start, to: snapshot.report.compiledAt },
    title: snapshot.report.title,
    incidentIds: [incidentIdOf(eventId), snapshot.event.name],
    confidence: 'HighlyConfident',
    severity: severityOf(level?.level),
    body: { type: 'ManagementReportingSummary', remarks: summaryOf(snapshot) },
  };
  const suffix = `${row.revision > 1 ? `-v${row.revision}` : ''}${audience === 'internal' ? '-intern' : ''}`;
  return { sitRep, fileName: `regional-rapport-${row.number}${suffix}-sitrep.xml` };
}

/** The first text the report's editors wrote, in document order: the report's own summary. */
function summaryOf(snapshot: ReportSnapshot): string {
  for (const section of snapshot.sections) {
    if (section.kind !== 'text') continue;
    for (const block of section.blocks) {
      if (block.type === 'markdown' && block.markdown.trim()) return block.markdown.trim();
    }
  }
  return snapshot.report.title;
}

/**
 * A unit's situation as EDXL-SitRep SituationInformation, from its latest submitted version. The
 * severity follows the unit's readiness level then, or the event's while the unit had none.
 */
export async function unitSituationSitRep(
  db: Db,
  eventId: number,
  situationId: number,
  includeInternal: boolean,
): Promise<{ sitRep: SitRep; fileName: string }> {
  const situation = await findSituation(db, eventId, situationId);
  if (!situation || (situation.internal === 1 && !includeInternal))
    throw errors.notFound('Lägesrapporten');
  const submitted = (await listSituationVersions(db, situationId, includeInternal)).at(-1);
  if (!submitted) throw errors.notFound('En inlämnad version av lägesrapporten');
  const event = await requireEvent(db, eventId);
  const period = parsePeriod(submitted.period);
  const reporter = await nameOf(db, submitted.submitted_by);
  const accepted = situation.state === 'accepted' && situation.reviewed_at !== null;
  const level =
    (await findChangeAt(db, eventId, situation.unit_id, submitted.submitted_at, includeInternal)) ??
    (await findChangeAt(db, eventId, null, submitted.submitted_at, includeInternal));
  const sitRep: SitRep = {
    messageId: `lagesbild:${eventId}:lagesrapport:${situationId}:${submitted.number}`,
    preparedBy: { name: reporter, role: situationRoles.reporter, at: submitted.submitted_at },
    authorizedBy: accepted
      ? {
          name: await nameOf(db, situation.reviewed_by),
          role: situationRoles.reviewer,
          at: situation.reviewed_at!,
        }
      : { name: reporter, role: situationRoles.reporter, at: submitted.submitted_at },
    purpose: `Lägesrapport från ${situation.unit_name} till den regionala staben.`,
    number: submitted.number,
    version: event.state === 'closed' ? 'Final' : submitted.number > 1 ? 'Update' : 'Initial',
    period: { from: period.start.toISOString(), to: period.end.toISOString() },
    title: `Lägesrapport ${situation.unit_name}, ${periodLabel(submitted.period, 'sv')}`,
    incidentIds: [incidentIdOf(eventId), event.name],
    confidence: accepted ? 'HighlyConfident' : 'SomewhatConfident',
    severity: severityOf(level?.level),
    body: {
      type: 'SituationInformation',
      remarks: submitted.bullets.trim() || 'Enheten har inte skrivit någon sammanfattning.',
    },
  };
  return {
    sitRep,
    fileName: `lagesrapport-${situation.unit_code}-${submitted.period}-sitrep.xml`,
  };
}

/** Every facility's status now: emergency-department traffic, facility status and beds. */
export async function hospitalStatuses(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  at = new Date().toISOString(),
): Promise<HospitalStatus[]> {
  await requireEvent(db, eventId);
  const [allFacilities, units, diversions, beds] = await Promise.all([
    listFacilities(db),
    eventUnitsInOrder(db, eventId),
    diversionsInForce(db, eventId, at, { includeInternal }),
    bedObservations(db, eventId, includeInternal, { to: at }),
  ]);
  const facilities = facilitiesInEventOrder(allFacilities, units);
  const unitNames = new Map(units.map((unit) => [unit.unitId, unit.name]));
  const levels = new Map<number, ReadinessChangeRow | undefined>();
  for (const unit of units) {
    levels.set(unit.unitId, await findChangeAt(db, eventId, unit.unitId, at, includeInternal));
  }
  return facilities.map((facility) => {
    const occupancy = latestFor(beds.occupancy, facility);
    const capacity = latestFor(beds.capacity, facility);
    const own = diversions.filter((diversion) => diversion.facility_id === facility.id);
    const level = levels.get(facility.unit_id);
    return {
      organisationName: unitNames.get(facility.unit_id) ?? facility.name,
      facilityName: facility.name,
      emsTraffic: emsTrafficOf(facility, own),
      facilityStatus: facilityStatusOf(level?.level),
      beds: occupancy ? bedCapacityOf(occupancy, capacity) : null,
      lastUpdate: newest(at, [
        ...own.map((diversion) => diversion.starts_at),
        ...(level ? [level.changed_at] : []),
        ...[occupancy, capacity].flatMap((value) => (value ? [value.observed_at] : [])),
      ]),
    };
  });
}

function emsTrafficOf(
  facility: FacilityRow,
  inForce: DiversionRow[],
): HospitalStatus['emsTraffic'] {
  const diverted = inForce.map((diversion) => ({
    categories: JSON.parse(diversion.categories) as DiversionCategory[],
    redirectedTo: diversion.redirected_to,
  }));
  const reason = diverted
    .map(({ categories, redirectedTo }) => {
      const who = categories.map((category) => divertedPeople[category]).join(' och ');
      return `${who.charAt(0).toUpperCase()}${who.slice(1)} hänvisas till ${asMidSentence(redirectedTo)}.`;
    })
    .join(' ');
  return {
    status: emsTrafficStatusOf(
      facility.kind,
      diverted.flatMap(({ categories }) => categories),
    ),
    reason: reason || null,
  };
}

/** "Andra sjukhus" reads "andra sjukhus" inside a sentence; "NÄL" stays as it is. */
function asMidSentence(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const divertedPeople: Record<DiversionCategory, string> = {
  walk_in: 'gående patienter',
  ambulance: 'ambulanser',
  secondary_transport: 'sekundärtransporter',
};

function bedCapacityOf(
  occupancy: ObservationRow,
  capacity: ObservationRow | undefined,
): BedCapacity {
  const beds = capacity ? Math.round(capacity.value) : null;
  return {
    status: capacityStatusOf(occupancy.value),
    baseline: beds,
    available: beds === null ? null : Math.max(0, Math.round(beds * (1 - occupancy.value / 100))),
    comment: `Beläggningsgrad ${String(occupancy.value).replace('.', ',')} % enligt senaste mätningen.`,
  };
}

/** The bed figures of each facility (or of all facilities) for one period. */
export async function facilityMeasures(
  db: Db,
  eventId: number,
  query: { facilityId?: number | undefined; period?: string | undefined },
  includeInternal: boolean,
): Promise<FacilityMeasure[]> {
  const event = await requireEvent(db, eventId);
  const period = query.period
    ? periodFromKey(query.period, event.time_zone)
    : periodOf(new Date(), event.period_granularity, event.time_zone);
  const units = await eventUnitsInOrder(db, eventId);
  const facilities = facilitiesInEventOrder(await listFacilities(db), units).filter(
    (facility) => query.facilityId === undefined || facility.id === query.facilityId,
  );
  if (facilities.length === 0) throw errors.notFound('Vårdinrättningen');
  const unitNames = new Map(units.map((unit) => [unit.unitId, unit.name]));
  const range = { from: period.start.toISOString(), to: period.end.toISOString() };
  const beds = await bedObservations(db, eventId, includeInternal, range);
  return facilities.map((facility) => ({
    facility: {
      id: facility.id,
      code: facility.code,
      name: facility.name,
      unitName: unitNames.get(facility.unit_id) ?? facility.name,
    },
    period: { key: period.key, start: range.from, end: range.to },
    occupancy: observed(latestFor(beds.occupancy, facility)),
    capacity: observed(latestFor(beds.capacity, facility)),
  }));
}

/** A key of the right shape can still name no real period, like week 60. */
function periodFromKey(key: string, zone: string): Period {
  try {
    return parsePeriod(key, zone);
  } catch {
    throw errors.badRequest('Perioden finns inte i kalendern.', { field: 'period' });
  }
}

function observed(row: ObservationRow | undefined) {
  return row ? { value: row.value, observedAt: new Date(row.observed_at).toISOString() } : null;
}

async function bedObservations(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  range: { from?: string; to?: string },
) {
  const load = async (meaning: FigureExchangeMeaning) => {
    const figure = await findFigureByExchangeMeaning(db, eventId, meaning);
    if (!figure || (figure.internal === 1 && !includeInternal)) return [];
    return allObservations(db, figure.id, range, { includeInternal });
  };
  const [occupancy, capacity] = await Promise.all([
    load('bed_occupancy_percent'),
    load('staffed_beds'),
  ]);
  return { occupancy, capacity };
}

/**
 * The latest observation for the facility itself, or else the latest its unit reported for the
 * whole unit: a hospital's occupancy applies to each of its facilities. Never an average.
 */
function latestFor(rows: ObservationRow[], facility: FacilityRow): ObservationRow | undefined {
  const own = rows.filter((row) => row.facility_id === facility.id);
  const unitWide = rows.filter(
    (row) => row.facility_id === null && row.unit_id === facility.unit_id,
  );
  return latestOf(own.length > 0 ? own : unitWide);
}

/** When the status last changed: the newest of its sources, or the instant asked about. */
function newest(at: string, instants: string[]): string {
  return (
    instants
      .map((instant) => new Date(instant).toISOString())
      .sort()
      .at(-1) ?? at
  );
}

function incidentIdOf(eventId: number): string {
  return `lagesbild:handelse:${eventId}`;
}

async function nameOf(db: Db, userId: number | null): Promise<string> {
  const user = userId === null ? undefined : await findUserById(db, userId);
  return user?.name ?? 'Okänd';
}

/** A file the exchange answers with: its text and the name to save it under. */
export interface ExchangeFile {
  body: string;
  fileName: string;
}

/** The XML writer (xmlbuilder2 and its DOM, about 3 MB of heap) loads on the first export. */
async function sitRepXmlText(sitRep: SitRep): Promise<string> {
  const { sitRepXml } = await import('./sitrep.ts');
  return sitRepXml(sitRep);
}

/** A published report as an EDXL SitRep document. */
export async function publishedReportSitRepFile(
  db: Db,
  eventId: number,
  number: number,
  audience: Audience,
  version?: number,
): Promise<ExchangeFile> {
  const { sitRep, fileName } = await publishedReportSitRep(db, eventId, number, audience, version);
  return { body: await sitRepXmlText(sitRep), fileName };
}

/** A unit's situation as an EDXL SitRep document. */
export async function unitSituationSitRepFile(
  db: Db,
  eventId: number,
  situationId: number,
  includeInternal: boolean,
): Promise<ExchangeFile> {
  const { sitRep, fileName } = await unitSituationSitRep(db, eventId, situationId, includeInternal);
  return { body: await sitRepXmlText(sitRep), fileName };
}

/** The hospitals' status as an EDXL HAVE document. */
export async function hospitalStatusFile(
  db: Db,
  eventId: number,
  includeInternal: boolean,
): Promise<ExchangeFile> {
  const hospitals = await hospitalStatuses(db, eventId, includeInternal);
  const { haveXml } = await import('./have.ts');
  return { body: haveXml(hospitals), fileName: `have-${eventId}.xml` };
}

/** The bed figures as a FHIR Bundle of MeasureReports, as JSON text. */
export async function measureReportJson(
  db: Db,
  eventId: number,
  query: { facilityId?: number | undefined; period?: string | undefined },
  includeInternal: boolean,
  urls: { publicUrl: string; selfUrl: string },
): Promise<string> {
  const measures = await facilityMeasures(db, eventId, query, includeInternal);
  return JSON.stringify(measureReportBundle(measures, urls.publicUrl, urls.selfUrl));
}

/** The facilities of the event's units, unit by unit in the event's order. */
function facilitiesInEventOrder(facilities: FacilityRow[], units: EventUnit[]): FacilityRow[] {
  return units.flatMap((unit) => facilities.filter((facility) => facility.unit_id === unit.unitId));
}
