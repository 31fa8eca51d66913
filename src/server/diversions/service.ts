import { formatDateTime, periodRange } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import { eventTimeZone, periodZoneOf } from '../events/service.ts';
import type { Db } from '../db/schema.ts';
import type { CsvExport } from '../http/csv.ts';
import { facilityNames } from '../units/service.ts';
import { eventUnitsInOrder } from '../event-units/service.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { type FacilityRow, findFacility, listFacilities } from '../units/repository.ts';
import {
  type DiversionFilter,
  type DiversionRow,
  type Visibility,
  diversionsInForce,
  findDiversion,
  insertDiversion,
  listDiversions,
  lockFacilityDiversions,
  overlappingDiversions,
  updateDiversion,
} from './repository.ts';
import type { z } from 'zod';
import type {
  CreateDiversionInput,
  Diversion,
  DiversionBoard,
  DiversionBoardItem,
  EndDiversionInput,
  UpdateDiversionInput,
  boardQuery,
  diversionExportQuery,
  diversionListQuery,
} from '../../contract/diversions.ts';
import type { Page } from '../../contract/list.ts';
import { type DiversionCategory, diversionCategories } from '../../contract/diversions.ts';
import { diversionCsvColumns } from './csv.ts';

const categoryLabels: Record<DiversionCategory, string> = {
  walk_in: 'gående patienter',
  ambulance: 'ambulanser',
  secondary_transport: 'sekundärtransporter',
};

export function categoriesOf(diversion: DiversionRow): DiversionCategory[] {
  return JSON.parse(diversion.categories) as DiversionCategory[];
}

export function presentDiversion(diversion: DiversionRow): Diversion {
  return {
    id: diversion.id,
    eventId: diversion.event_id,
    facilityId: diversion.facility_id,
    categories: categoriesOf(diversion),
    redirectedTo: diversion.redirected_to,
    startsAt: diversion.starts_at,
    endsAt: diversion.ends_at,
    decisionId: diversion.decision_id,
    note: diversion.note,
    internal: diversion.internal === 1,
    provenance: {
      createdBy: diversion.created_by,
      createdAt: diversion.created_at,
      source: diversion.source,
      updatedBy: diversion.updated_by,
      updatedAt: diversion.updated_at,
    },
    version: diversion.version,
  };
}

export async function createDiversion(
  db: Db,
  actor: Actor,
  eventId: number,
  input: CreateDiversionInput,
): Promise<Diversion> {
  return db.transaction().execute(async (trx) => {
    const facility = await loadEmergencyDepartment(trx, input.facilityId);
    const span = checkSpan(input.startsAt, input.endsAt, 'endsAt');
    await lockFacilityDiversions(trx, facility.id);
    await refuseOverlap(trx, eventId, facility, input.categories, span);
    const now = new Date().toISOString();
    const diversion = await insertDiversion(trx, {
      event_id: eventId,
      facility_id: facility.id,
      categories: serialiseCategories(input.categories),
      redirected_to: input.redirectedTo,
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      decision_id: input.decisionId,
      note: input.note,
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      source: input.source,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'diversion.create',
      entityType: 'diversion',
      entityId: diversion.id,
      eventId,
      after: diversion,
    });
    return presentDiversion(diversion);
  });
}

export async function changeDiversion(
  db: Db,
  actor: Actor,
  eventId: number,
  diversionId: number,
  input: UpdateDiversionInput,
): Promise<Diversion> {
  return db.transaction().execute(async (trx) => {
    const before = await loadCurrentVersion(trx, eventId, diversionId, input.version);
    const categories = input.categories ?? categoriesOf(before);
    const span = checkSpan(
      input.startsAt ?? before.starts_at,
      input.endsAt === undefined ? before.ends_at : input.endsAt,
      input.endsAt === undefined ? 'startsAt' : 'endsAt',
    );
    await lockFacilityDiversions(trx, before.facility_id);
    const facility = (await findFacility(trx, before.facility_id))!;
    await refuseOverlap(trx, eventId, facility, categories, span, diversionId);
    const updated = await updateDiversion(trx, diversionId, input.version, {
      ...(input.categories !== undefined && { categories: serialiseCategories(categories) }),
      ...(input.redirectedTo !== undefined && { redirected_to: input.redirectedTo }),
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      ...(input.decisionId !== undefined && { decision_id: input.decisionId }),
      ...(input.note !== undefined && { note: input.note }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentDiversion(before));
    await recordAudit(trx, actor, {
      action: 'diversion.update',
      entityType: 'diversion',
      entityId: diversionId,
      eventId,
      before,
      after: updated,
    });
    return presentDiversion(updated);
  });
}

/** Ends an ongoing diversion, now unless another end is given. */
export async function endDiversion(
  db: Db,
  actor: Actor,
  eventId: number,
  diversionId: number,
  input: EndDiversionInput,
): Promise<Diversion> {
  return db.transaction().execute(async (trx) => {
    const before = await loadCurrentVersion(trx, eventId, diversionId, input.version);
    if (before.ends_at !== null) {
      throw errors.wrongState(
        `Omstyrningen är redan avslutad (${formatDateTime(new Date(before.ends_at))}); ändra sluttiden i stället.`,
        { field: 'endsAt' },
      );
    }
    const span = checkSpan(before.starts_at, input.endsAt ?? new Date().toISOString(), 'endsAt');
    const updated = await updateDiversion(trx, diversionId, input.version, {
      ends_at: span.endsAt,
      updated_by: actor.userId,
    });
    if (!updated) throw errors.conflict(presentDiversion(before));
    await recordAudit(trx, actor, {
      action: 'diversion.end',
      entityType: 'diversion',
      entityId: diversionId,
      eventId,
      before,
      after: updated,
    });
    return presentDiversion(updated);
  });
}

async function loadCurrentVersion(
  db: Db,
  eventId: number,
  diversionId: number,
  version: number,
): Promise<DiversionRow> {
  const diversion = await findDiversion(db, eventId, diversionId);
  if (!diversion) throw errors.notFound('Omstyrningen');
  if (diversion.version !== version) throw errors.conflict(presentDiversion(diversion));
  return diversion;
}

async function loadEmergencyDepartment(db: Db, facilityId: number): Promise<FacilityRow> {
  const facility = await findFacility(db, facilityId);
  if (!facility) throw errors.badRequest('Platsen finns inte.', { field: 'facilityId' });
  if (facility.kind !== 'emergency_department') {
    throw errors.badRequest(`${facility.name} är ingen akutmottagning.`, { field: 'facilityId' });
  }
  return facility;
}

function checkSpan(
  startsAt: string,
  endsAt: string | null,
  field: 'startsAt' | 'endsAt',
): { startsAt: string; endsAt: string | null } {
  const span = {
    startsAt: new Date(startsAt).toISOString(),
    endsAt: endsAt === null ? null : new Date(endsAt).toISOString(),
  };
  if (span.endsAt !== null && span.endsAt <= span.startsAt) {
    throw errors.badRequest('Omstyrningen måste sluta efter att den har börjat.', { field });
  }
  return span;
}

async function refuseOverlap(
  db: Db,
  eventId: number,
  facility: FacilityRow,
  categories: DiversionCategory[],
  span: { startsAt: string; endsAt: string | null },
  excludeId?: number,
): Promise<void> {
  const candidates = await overlappingDiversions(db, eventId, facility.id, span, excludeId);
  for (const other of candidates) {
    const shared = categoriesOf(other).filter((category) => categories.includes(category));
    if (shared.length === 0) continue;
    const flows = shared.map((category) => categoryLabels[category]).join(' och ');
    const since = formatDateTime(new Date(other.starts_at));
    const until = other.ends_at ? ` till ${formatDateTime(new Date(other.ends_at))}` : '';
    throw errors.badRequest(
      `${facility.name} har redan en omstyrning av ${flows} från ${since}${until} som överlappar den här tiden.`,
      { field: 'categories', conflictingDiversionId: other.id },
    );
  }
}

/** Stored in a fixed order, so that equal sets are equal text. */
function serialiseCategories(categories: DiversionCategory[]): string {
  return JSON.stringify(diversionCategories.filter((category) => categories.includes(category)));
}

/** The diversion state of every emergency department at one instant. */
export async function diversionBoard(
  db: Db,
  eventId: number,
  at: string,
  visibility: Visibility,
): Promise<DiversionBoardItem[]> {
  const [facilities, units, inForce] = await Promise.all([
    listFacilities(db),
    eventUnitsInOrder(db, eventId),
    diversionsInForce(db, eventId, at, visibility),
  ]);
  return units
    .flatMap((unit) => facilities.filter((facility) => facility.unit_id === unit.unitId))
    .filter((facility) => facility.kind === 'emergency_department')
    .map((facility) => {
      const current = inForce.filter((diversion) => diversion.facility_id === facility.id);
      const categories = new Set(current.flatMap(categoriesOf));
      return {
        facilityId: facility.id,
        facilityCode: facility.code,
        facilityName: facility.name,
        unitId: facility.unit_id,
        diverting: current.length > 0,
        categories: diversionCategories.filter((category) => categories.has(category)),
        since: current[0]?.starts_at ?? null,
        redirectedTo: [...new Set(current.map((diversion) => diversion.redirected_to))],
        diversions: current.map(presentDiversion),
      };
    });
}

/** The board at the instant the query names, now by default. */
export async function diversionBoardAt(
  db: Db,
  eventId: number,
  query: z.infer<typeof boardQuery>,
  includeInternal: boolean,
): Promise<DiversionBoard> {
  const at = new Date(query.at ?? Date.now()).toISOString();
  const items = await diversionBoard(db, eventId, at, { includeInternal });
  return { at, items };
}

type DiversionListQuery = z.infer<typeof diversionListQuery>;

/** One page of the event's diversions, filtered as the query says. */
export async function diversionPage(
  db: Db,
  eventId: number,
  query: DiversionListQuery,
  includeInternal: boolean,
): Promise<Page<Diversion>> {
  const filter = await diversionFilterOf(db, eventId, query);
  return answerPage(
    query,
    (page) => listDiversions(db, eventId, filter, { includeInternal }, page),
    (rows) => rows.map(presentDiversion),
  );
}

/** Every diversion the filter matches, for an export with the names of their facilities. */
export async function diversionExport(
  db: Db,
  eventId: number,
  query: z.infer<typeof diversionExportQuery>,
  includeInternal: boolean,
): Promise<CsvExport<Diversion>> {
  const filter = await diversionFilterOf(db, eventId, query);
  const rows = await fetchAllPages((page) =>
    listDiversions(db, eventId, filter, { includeInternal }, { ...page, order: query.order }),
  );
  const columns = diversionCsvColumns(await facilityNames(db));
  const timeZone = await eventTimeZone(db, eventId);
  return { name: 'omstyrningar', columns, items: rows.map(presentDiversion), timeZone };
}

async function diversionFilterOf(
  db: Db,
  eventId: number,
  query: z.infer<typeof diversionExportQuery>,
): Promise<DiversionFilter> {
  const { period, unitId, facilityId, state, at } = query;
  const filter: DiversionFilter = {
    state,
    at: new Date(at ?? Date.now()).toISOString(),
    ...(period && periodRange(period, await periodZoneOf(db, eventId, period))),
  };
  if (unitId !== undefined) {
    filter.facilityIds = (await listFacilities(db, unitId)).map((facility) => facility.id);
  }
  if (facilityId !== undefined) {
    filter.facilityIds = (filter.facilityIds ?? [facilityId]).filter((id) => id === facilityId);
  }
  return filter;
}
