import type { Insertable, Selectable, Updateable } from 'kysely';
import { type Rows, fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type {
  Audience,
  Channel,
  CommunicationActivitiesTable,
  MediaPicturesTable,
  SpokespersonsTable,
} from './tables.ts';

export type ActivityRow = Selectable<CommunicationActivitiesTable>;
export type MediaPictureRow = Selectable<MediaPicturesTable>;
export type SpokespersonRow = Selectable<SpokespersonsTable>;

export interface Page {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

export interface ActivityFilter {
  includeInternal: boolean;
  fromDate?: string;
  toDate?: string;
  audience?: Audience;
  channel?: Channel;
}

function activities(db: Db, eventId: number, filter: ActivityFilter) {
  let query = db.selectFrom('communication_activities').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (filter.fromDate) query = query.where('occurred_on', '>=', filter.fromDate);
  if (filter.toDate) query = query.where('occurred_on', '<=', filter.toDate);
  if (filter.audience) query = query.where('audience', '=', filter.audience);
  if (filter.channel) query = query.where('channels', 'like', `%"${filter.channel}"%`);
  return query;
}

export function listActivities(
  db: Db,
  eventId: number,
  filter: ActivityFilter,
  page: Page,
): Promise<Rows<ActivityRow>> {
  return fetchPage(
    activities(db, eventId, filter),
    (query) => query.selectAll().orderBy('occurred_on', page.order).orderBy('id', page.order),
    page,
  );
}

export function findActivity(db: Db, eventId: number, id: number) {
  return db
    .selectFrom('communication_activities')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertActivity(db: Db, row: Insertable<CommunicationActivitiesTable>) {
  return db
    .insertInto('communication_activities')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateActivity(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Updateable<CommunicationActivitiesTable>,
) {
  return updateVersioned(db, 'communication_activities', id, expectedVersion, changes);
}

function mediaPictures(
  db: Db,
  eventId: number,
  filter: { includeInternal: boolean; period?: string },
) {
  let query = db.selectFrom('media_pictures').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (filter.period) query = query.where('period', '=', filter.period);
  return query;
}

export function listMediaPictures(
  db: Db,
  eventId: number,
  filter: { includeInternal: boolean; period?: string },
  page: Page,
): Promise<Rows<MediaPictureRow>> {
  return fetchPage(
    mediaPictures(db, eventId, filter),
    (query) => query.selectAll().orderBy('period', page.order),
    page,
  );
}

export function findMediaPicture(db: Db, eventId: number, id: number) {
  return db
    .selectFrom('media_pictures')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMediaPictureOfPeriod(db: Db, eventId: number, period: string) {
  return db
    .selectFrom('media_pictures')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export function insertMediaPicture(db: Db, row: Insertable<MediaPicturesTable>) {
  return db.insertInto('media_pictures').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateMediaPicture(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Updateable<MediaPicturesTable>,
) {
  return updateVersioned(db, 'media_pictures', id, expectedVersion, changes);
}

function spokespersons(
  db: Db,
  eventId: number,
  filter: { includeInternal: boolean; activeOn?: string },
) {
  let query = db.selectFrom('spokespersons').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  const day = filter.activeOn;
  if (day) {
    query = query
      .where('from_date', '<=', day)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', day)]));
  }
  return query;
}

export function listSpokespersons(
  db: Db,
  eventId: number,
  filter: { includeInternal: boolean; activeOn?: string },
  page: Page,
): Promise<Rows<SpokespersonRow>> {
  return fetchPage(
    spokespersons(db, eventId, filter),
    (query) => query.selectAll().orderBy('from_date', page.order).orderBy('id', 'asc'),
    page,
  );
}

export function findSpokesperson(db: Db, eventId: number, id: number) {
  return db
    .selectFrom('spokespersons')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertSpokesperson(db: Db, row: Insertable<SpokespersonsTable>) {
  return db.insertInto('spokespersons').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateSpokesperson(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Updateable<SpokespersonsTable>,
) {
  return updateVersioned(db, 'spokespersons', id, expectedVersion, changes);
}
