import type { Insertable, Selectable } from 'kysely';
import { updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type {
  ReportSectionsTable,
  ReportSeriesTable,
  ReportSnapshotsTable,
  ReportsTable,
} from './tables.ts';

export type ReportRow = Selectable<ReportsTable>;
export type SectionRow = Selectable<ReportSectionsTable>;
export type SnapshotRow = Selectable<ReportSnapshotsTable>;
export type SeriesRow = Selectable<ReportSeriesTable>;

export function findReport(db: Db, eventId: number, id: number): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The event's published reports among these ids. */
export function publishedAmong(db: Db, eventId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reports')
    .select(['id', 'number'])
    .where('event_id', '=', eventId)
    .where('id', 'in', ids)
    .where('state', '=', 'published')
    .execute();
}

export function listReports(db: Db, eventId: number): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('number', 'desc')
    .orderBy('revision', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Every published report and correction, in order of publication. */
export function publishedReports(db: Db, eventId: number): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', '=', 'published')
    .orderBy('published_at')
    .orderBy('id')
    .execute();
}

/** The newest published report, or the newest published before a given instant. */
export function latestPublished(
  db: Db,
  eventId: number,
  before?: string,
): Promise<ReportRow | undefined> {
  let query = db
    .selectFrom('reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', '=', 'published');
  if (before) query = query.where('published_at', '<', before);
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** The newest published report of one kind, e.g. the final report of an event. */
export function latestPublishedOfKind(
  db: Db,
  eventId: number,
  kind: ReportRow['kind'],
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', '=', 'published')
    .where('kind', '=', kind)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function nextNumber(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** The highest revision of a report number: a correction publishes the next one. */
export async function latestRevision(db: Db, eventId: number, number: number): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('event_id', '=', eventId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

export function insertReport(db: Db, report: Insertable<ReportsTable>): Promise<ReportRow> {
  return db.insertInto('reports').values(report).returningAll().executeTakeFirstOrThrow();
}

export function updateReport(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<ReportRow, 'id' | 'version' | 'event_id'>>,
): Promise<ReportRow | undefined> {
  return updateVersioned(db, 'reports', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

/** Removes a draft with its sections and contributors; a draft has no snapshots or deliveries. */
export async function deleteDraft(db: Db, reportId: number): Promise<void> {
  await db.deleteFrom('report_sections').where('report_id', '=', reportId).execute();
  await db.deleteFrom('report_contributors').where('report_id', '=', reportId).execute();
  await db.deleteFrom('reports').where('id', '=', reportId).where('state', '=', 'draft').execute();
}

export function sectionsOf(db: Db, reportId: number): Promise<SectionRow[]> {
  return db
    .selectFrom('report_sections')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findSection(db: Db, reportId: number, id: number): Promise<SectionRow | undefined> {
  return db
    .selectFrom('report_sections')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertSections(db: Db, sections: Insertable<ReportSectionsTable>[]) {
  return db.insertInto('report_sections').values(sections).execute();
}

export function updateSection(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<
    Pick<SectionRow, 'text' | 'internal' | 'data_json' | 'refreshed_at' | 'updated_by'>
  >,
): Promise<SectionRow | undefined> {
  return updateVersioned(db, 'report_sections', id, expectedVersion, {
    ...changes,
    updated_at: new Date().toISOString(),
  });
}

export async function addContributor(
  db: Db,
  reportId: number,
  userId: number | null,
): Promise<void> {
  if (userId === null) return;
  await db
    .insertInto('report_contributors')
    .values({ report_id: reportId, user_id: userId })
    .onConflict((conflict) => conflict.columns(['report_id', 'user_id']).doNothing())
    .execute();
}

export function contributorsOf(db: Db, reportId: number) {
  return db
    .selectFrom('report_contributors')
    .innerJoin('users', 'users.id', 'report_contributors.user_id')
    .select(['users.id', 'users.name'])
    .where('report_id', '=', reportId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export function insertSnapshot(
  db: Db,
  snapshot: Insertable<ReportSnapshotsTable>,
): Promise<SnapshotRow> {
  return db
    .insertInto('report_snapshots')
    .values(snapshot)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function snapshotOf(db: Db, reportId: number, audience: 'public' | 'internal') {
  return db
    .selectFrom('report_snapshots')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('audience', '=', audience)
    .executeTakeFirst();
}

/** The newest published revision of each report number, newest number first. */
export function publishedSnapshots(db: Db, eventId: number, audience: 'public' | 'internal') {
  return db
    .selectFrom('report_snapshots')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('audience', '=', audience)
    .orderBy('number', 'desc')
    .orderBy('revision', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The snapshot's identity and hash, without its (large) content: enough to answer a 304. */
export function findSnapshotByNumber(
  db: Db,
  eventId: number,
  number: number,
  audience: 'public' | 'internal',
  revision?: number,
) {
  let query = db
    .selectFrom('report_snapshots')
    .select(['id', 'event_id', 'number', 'revision', 'audience', 'content_hash', 'published_at'])
    .where('event_id', '=', eventId)
    .where('number', '=', number)
    .where('audience', '=', audience);
  if (revision !== undefined) query = query.where('revision', '=', revision);
  return query.orderBy('revision', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export function allSnapshots(db: Db) {
  return db.selectFrom('report_snapshots').selectAll().orderBy('id').execute();
}

/** Snapshots in id order after `afterId`, a page at a time: all of them would not fit in memory. */
export function snapshotsAfter(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('report_snapshots')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function findSnapshotById(db: Db, id: number): Promise<SnapshotRow | undefined> {
  return db.selectFrom('report_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
}

/** When each of an event's reports was compiled: the instants that name the periods they cover. */
export async function reportCompilationTimes(db: Db, eventId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('compiled_at')
    .where('event_id', '=', eventId)
    .distinct()
    .orderBy('compiled_at')
    .execute();
  return rows.map((row) => row.compiled_at);
}

/** The highest number a series has used, undefined while it has no report. */
export async function lastSeriesNumber(
  db: Db,
  eventId: number,
  series: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.max('series_number').as('last'))
    .where('event_id', '=', eventId)
    .where('series', '=', series)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? undefined : Number(row.last);
}

/** The series an event's reports use, with the highest number each has reached. */
export async function seriesInUse(db: Db, eventId: number) {
  const rows = await db
    .selectFrom('reports')
    .select((eb) => ['series', eb.fn.max('series_number').as('last')])
    .where('event_id', '=', eventId)
    .groupBy('series')
    .orderBy('series')
    .execute();
  return rows.map((row) => ({ series: row.series, last: Number(row.last) }));
}

/** The series in which the event has published a report, in order. */
export async function publishedSeries(db: Db, eventId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('series')
    .distinct()
    .where('event_id', '=', eventId)
    .where('state', '=', 'published')
    .orderBy('series')
    .execute();
  return rows.map((row) => row.series);
}

/** The published final report of a series: after it, the series is closed. */
export function publishedFinalOfSeries(
  db: Db,
  eventId: number,
  series: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('series', '=', series)
    .where('kind', '=', 'final')
    .where('state', '=', 'published')
    .orderBy('series_number', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function listSeriesSettings(db: Db, eventId: number): Promise<SeriesRow[]> {
  return db
    .selectFrom('report_series')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('series')
    .execute();
}

export function findSeriesSetting(
  db: Db,
  eventId: number,
  series: string,
): Promise<SeriesRow | undefined> {
  return db
    .selectFrom('report_series')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('series', '=', series)
    .executeTakeFirst();
}

export function insertSeriesSetting(
  db: Db,
  setting: Insertable<ReportSeriesTable>,
): Promise<SeriesRow> {
  return db.insertInto('report_series').values(setting).returningAll().executeTakeFirstOrThrow();
}

export function updateSeriesSetting(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Pick<SeriesRow, 'next_number' | 'updated_by' | 'updated_at'>,
): Promise<SeriesRow | undefined> {
  return updateVersioned(db, 'report_series', id, expectedVersion, changes);
}

/** Each person's event roles, and whether they administer the whole system. */
export function rolesOfPeople(db: Db, eventId: number, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('grants', (join) =>
      join.onRef('grants.user_id', '=', 'users.id').on('grants.event_id', '=', eventId),
    )
    .select(['users.id', 'users.name', 'users.is_admin', 'grants.role'])
    .where('users.id', 'in', userIds)
    .orderBy('users.name')
    .orderBy('users.id')
    .orderBy('grants.id')
    .execute();
}
