import { type InsertObject, type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import { type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db, Schema } from '../db/schema.ts';
import type {
  InputRequestsTable,
  UnitSituationVersionsTable,
  UnitSituationsTable,
} from './tables.ts';
import { type SituationState } from '../../contract/situations.ts';

export type SituationRow = Selectable<UnitSituationsTable> & {
  unit_code: string;
  unit_name: string;
};
export type SituationVersionRow = Selectable<UnitSituationVersionsTable>;
export type InputRequestRow = Selectable<InputRequestsTable>;

export interface SituationFilter {
  period?: string | undefined;
  unitId?: number | undefined;
  state?: SituationState | undefined;
  includeInternal: boolean;
  /** Units whose drafts are included; left out, every unit's (for the server's own use). */
  draftUnits?: 'all' | number[];
}

function situationsOf(db: Db, eventId: number) {
  return db
    .selectFrom('unit_situations')
    .innerJoin('units', 'units.id', 'unit_situations.unit_id')
    .where('unit_situations.event_id', '=', eventId);
}

function withUnit(query: ReturnType<typeof situationsOf>) {
  return query
    .selectAll('unit_situations')
    .select(['units.code as unit_code', 'units.name as unit_name']);
}

function selectSituations(db: Db, eventId: number) {
  return withUnit(situationsOf(db, eventId));
}

export function findSituation(
  db: Db,
  eventId: number,
  id: number,
): Promise<SituationRow | undefined> {
  return selectSituations(db, eventId).where('unit_situations.id', '=', id).executeTakeFirst();
}

export function findSituationOfUnit(
  db: Db,
  eventId: number,
  unitId: number,
  period: string,
): Promise<SituationRow | undefined> {
  return selectSituations(db, eventId)
    .where('unit_situations.unit_id', '=', unitId)
    .where('unit_situations.period', '=', period)
    .executeTakeFirst();
}

export async function listSituations(
  db: Db,
  eventId: number,
  filter: SituationFilter,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<Rows<SituationRow>> {
  let query = situationsOf(db, eventId);
  if (filter.period) query = query.where('unit_situations.period', '=', filter.period);
  if (filter.unitId) query = query.where('unit_situations.unit_id', '=', filter.unitId);
  if (filter.state) query = query.where('unit_situations.state', '=', filter.state);
  if (!filter.includeInternal) query = query.where('unit_situations.internal', '=', 0);
  const draftUnits = filter.draftUnits ?? 'all';
  if (draftUnits !== 'all') {
    query = query.where((eb) =>
      eb.or([
        eb('unit_situations.state', '<>', 'draft'),
        ...(draftUnits.length > 0 ? [eb('unit_situations.unit_id', 'in', draftUnits)] : []),
      ]),
    );
  }
  return fetchPage(
    query,
    (filtered) =>
      withUnit(filtered)
        .orderBy('unit_situations.period_start', page.order)
        .orderBy('units.code', 'asc')
        .orderBy('unit_situations.id', 'asc'),
    page,
  );
}

/**
 * Each unit's newest situation that is not a draft, among those starting no later than
 * `startingBy` (all when it is undefined): the newest start per unit first, then its row.
 */
export function listLatestSituations(
  db: Db,
  eventId: number,
  filter: { startingBy: string | undefined; includeInternal: boolean },
): Promise<SituationRow[]> {
  let newest = db
    .selectFrom('unit_situations')
    .select('unit_id')
    .select((eb) => eb.fn.max('period_start').as('period_start'))
    .where('event_id', '=', eventId)
    .where('state', '<>', 'draft');
  if (filter.startingBy) newest = newest.where('period_start', '<=', filter.startingBy);
  if (!filter.includeInternal) newest = newest.where('internal', '=', 0);
  return selectSituations(db, eventId)
    .innerJoin(newest.groupBy('unit_id').as('newest'), (join) =>
      join
        .onRef('newest.unit_id', '=', 'unit_situations.unit_id')
        .onRef('newest.period_start', '=', 'unit_situations.period_start'),
    )
    .orderBy('units.code')
    .execute();
}

/** Inserts the situation unless the unit already has one for the period; then answers undefined. */
export function insertSituation(db: Db, situation: Insertable<UnitSituationsTable>) {
  return db
    .insertInto('unit_situations')
    .values(situation)
    .onConflict((conflict) => conflict.columns(['event_id', 'unit_id', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function updateSituation(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Omit<Updateable<UnitSituationsTable>, 'id' | 'version'>,
) {
  return updateVersioned(db, 'unit_situations', id, expectedVersion, changes);
}

export function insertSituationVersion(
  db: Db,
  version: InsertObject<Schema, 'unit_situation_versions'>,
): Promise<SituationVersionRow> {
  return db
    .insertInto('unit_situation_versions')
    .values(version)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSituationVersions(
  db: Db,
  situationId: number,
  includeInternal: boolean,
): Promise<SituationVersionRow[]> {
  let query = db
    .selectFrom('unit_situation_versions')
    .selectAll()
    .where('situation_id', '=', situationId);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return query.orderBy('number', 'asc').execute();
}

/**
 * The unit's submitted version before the one this submit made (`situationVersion` of the
 * situation), in the order they were submitted, whatever their period; undefined for its first.
 */
export async function unitVersionBefore(
  db: Db,
  situationId: number,
  situationVersion: number,
): Promise<SituationVersionRow | undefined> {
  const current = await db
    .selectFrom('unit_situation_versions')
    .select(['id', 'event_id', 'unit_id'])
    .where('situation_id', '=', situationId)
    .where('situation_version', '=', situationVersion)
    .executeTakeFirst();
  if (!current) return undefined;
  return db
    .selectFrom('unit_situation_versions')
    .selectAll()
    .where('event_id', '=', current.event_id)
    .where('unit_id', '=', current.unit_id)
    .where('id', '<', current.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The number the situation's next submitted version gets, counted inside the insert. */
export function nextVersionNumber(situationId: number) {
  return sql<number>`(select count(*) + 1 from unit_situation_versions where situation_id = ${situationId})`;
}

export function insertInputRequest(db: Db, request: Insertable<InputRequestsTable>) {
  return db
    .insertInto('input_requests')
    .values(request)
    .onConflict((conflict) => conflict.columns(['event_id', 'period']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertInputRequestUnits(db: Db, requestId: number, unitIds: number[]) {
  await db
    .insertInto('input_request_units')
    .values(
      unitIds.map((unitId) => ({ request_id: requestId, unit_id: unitId, reminded_at: null })),
    )
    .execute();
}

export function findInputRequest(
  db: Db,
  eventId: number,
  id: number,
): Promise<InputRequestRow | undefined> {
  return db
    .selectFrom('input_requests')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findInputRequestForPeriod(
  db: Db,
  eventId: number,
  period: string,
): Promise<InputRequestRow | undefined> {
  return db
    .selectFrom('input_requests')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export function findLatestInputRequest(
  db: Db,
  eventId: number,
): Promise<InputRequestRow | undefined> {
  return db
    .selectFrom('input_requests')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('deadline', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listInputRequests(
  db: Db,
  eventId: number,
  filter: { period?: string | undefined },
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<Rows<InputRequestRow>> {
  let query = db.selectFrom('input_requests').where('event_id', '=', eventId);
  if (filter.period) query = query.where('period', '=', filter.period);
  return fetchPage(
    query,
    (filtered) => filtered.selectAll().orderBy('deadline', page.order).orderBy('id', page.order),
    page,
  );
}

export function listRequestUnits(db: Db, requestIds: number[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('input_request_units')
    .innerJoin('units', 'units.id', 'input_request_units.unit_id')
    .select([
      'input_request_units.request_id',
      'input_request_units.unit_id',
      'input_request_units.reminded_at',
      'units.code',
      'units.name',
    ])
    .where('input_request_units.request_id', 'in', requestIds)
    .orderBy('units.code')
    .execute();
}

/** Each unit asked to report for the request, with the state of its situation for the period. */
export function listRequestedUnitStates(db: Db, request: InputRequestRow) {
  return db
    .selectFrom('input_request_units')
    .innerJoin('units', 'units.id', 'input_request_units.unit_id')
    .leftJoin('unit_situations', (join) =>
      join
        .onRef('unit_situations.unit_id', '=', 'input_request_units.unit_id')
        .on('unit_situations.event_id', '=', request.event_id)
        .on('unit_situations.period', '=', request.period),
    )
    .select([
      'units.id as unit_id',
      'units.code',
      'units.name',
      'units.short_name',
      'unit_situations.state',
      'unit_situations.submitted_at',
      'input_request_units.reminded_at',
    ])
    .where('input_request_units.request_id', '=', request.id)
    .orderBy('units.code')
    .execute();
}

/** Input requests whose deadline falls in (from, to]. */
export function listRequestsDueBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('input_requests')
    .innerJoin('events', 'events.id', 'input_requests.event_id')
    .selectAll('input_requests')
    .select(['events.name as event_name', 'events.time_zone as event_time_zone'])
    .where('events.state', '=', 'active')
    .where('input_requests.deadline', '>', from)
    .where('input_requests.deadline', '<=', to)
    .orderBy('input_requests.deadline')
    .execute();
}

/** Active unit reporters of a unit in an event. */
export function listUnitReporters(db: Db, eventId: number, unitId: number) {
  return db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'users.email', 'users.name'])
    .distinct()
    .where('grants.event_id', '=', eventId)
    .where('grants.unit_id', '=', unitId)
    .where('grants.role', '=', 'unit_reporter')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
}

/** Marks a unit as reminded unless someone already did; answers whether this call claimed it. */
export async function claimReminder(
  db: Db,
  requestId: number,
  unitId: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('input_request_units')
    .set({ reminded_at: at })
    .where('request_id', '=', requestId)
    .where('unit_id', '=', unitId)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets when a unit was last reminded; null forgets it, so the automatic reminder comes again. */
export async function setReminder(
  db: Db,
  requestId: number,
  unitId: number,
  at: string | null,
): Promise<void> {
  await db
    .updateTable('input_request_units')
    .set({ reminded_at: at })
    .where('request_id', '=', requestId)
    .where('unit_id', '=', unitId)
    .execute();
}

/** Forgets every reminder of a request, so that its units are reminded before a new deadline. */
export async function clearReminders(db: Db, requestId: number): Promise<void> {
  await db
    .updateTable('input_request_units')
    .set({ reminded_at: null })
    .where('request_id', '=', requestId)
    .execute();
}

/** An event's input requests whose deadline falls in [from, to). */
export function listInputRequestsDueWithin(db: Db, eventId: number, from: string, to: string) {
  return db
    .selectFrom('input_requests')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('deadline', '>=', from)
    .where('deadline', '<', to)
    .orderBy('deadline')
    .execute();
}

const statusColumns = [
  'overall_status',
  'access_to_care_status',
  'patient_safety_status',
  'staff_status',
  'it_programme_status',
  'communication_status',
] as const;

/** The status (or prognosis) keys an event's situations and their submitted versions hold. */
export async function usedLevelKeys(
  db: Db,
  eventId: number,
  kind: 'status' | 'prognosis',
): Promise<Set<string>> {
  const columns = kind === 'status' ? statusColumns : (['prognosis'] as const);
  const used = new Set<string>();
  for (const table of ['unit_situations', 'unit_situation_versions'] as const) {
    for (const column of columns) {
      const rows = await db
        .selectFrom(table)
        .select(`${table}.${column} as key`)
        .distinct()
        .where(`${table}.event_id`, '=', eventId)
        .where(`${table}.${column}`, 'is not', null)
        .execute();
      for (const row of rows) used.add(row.key!);
    }
  }
  return used;
}

/** Whether the unit has recorded any situation in the event. */
export async function unitHasSituations(db: Db, eventId: number, unitId: number) {
  return situationExists(db, eventId, unitId);
}

/** Whether any unit has recorded a situation in the event. */
export async function eventHasSituations(db: Db, eventId: number) {
  return situationExists(db, eventId);
}

async function situationExists(db: Db, eventId: number, unitId?: number) {
  let query = db.selectFrom('unit_situations').select('id').where('event_id', '=', eventId);
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
