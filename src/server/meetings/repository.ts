import type { Insertable, Selectable } from 'kysely';
import { fetchPage, updateVersioned } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { CalendarTokensTable, ForumsTable, MeetingsTable } from './tables.ts';

export type ForumRow = Selectable<ForumsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type CalendarTokenRow = Selectable<CalendarTokensTable>;

type Changes<Row> = Partial<Omit<Row, 'id' | 'event_id' | 'version' | 'created_at' | 'created_by'>>;

export function listForums(db: Db, eventId: number): Promise<ForumRow[]> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findForum(db: Db, eventId: number, id: number): Promise<ForumRow | undefined> {
  return db
    .selectFrom('forums')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertForum(db: Db, row: Insertable<ForumsTable>): Promise<ForumRow> {
  return db.insertInto('forums').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateForum(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Changes<ForumRow>,
): Promise<ForumRow | undefined> {
  return updateVersioned(db, 'forums', id, expectedVersion, changes);
}

export async function deleteForum(db: Db, id: number): Promise<void> {
  await db.deleteFrom('forums').where('id', '=', id).execute();
}

export interface MeetingFilter {
  includeInternal: boolean;
  /** Meetings that end after this instant. */
  from?: string;
  /** Meetings that start before this instant. */
  to?: string;
  forumId?: number;
}

function meetings(db: Db, eventId: number, filter: MeetingFilter) {
  let query = db.selectFrom('meetings').where('event_id', '=', eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (filter.from) query = query.where('ends_at', '>', filter.from);
  if (filter.to) query = query.where('starts_at', '<', filter.to);
  if (filter.forumId !== undefined) query = query.where('forum_id', '=', filter.forumId);
  return query;
}

export async function listMeetings(
  db: Db,
  eventId: number,
  filter: MeetingFilter,
  page: { limit: number; offset: number; order: 'asc' | 'desc' },
): Promise<{ rows: MeetingRow[]; total: number }> {
  return fetchPage(
    meetings(db, eventId, filter),
    (query) => query.selectAll().orderBy('starts_at', page.order).orderBy('id', page.order),
    page,
  );
}

export function listMeetingsBetween(
  db: Db,
  eventId: number,
  filter: Required<Pick<MeetingFilter, 'from' | 'to'>> & MeetingFilter,
): Promise<MeetingRow[]> {
  return meetings(db, eventId, filter).selectAll().orderBy('starts_at').orderBy('id').execute();
}

export function findMeeting(db: Db, eventId: number, id: number): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<MeetingRow> {
  return db.insertInto('meetings').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateMeeting(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Changes<MeetingRow>,
): Promise<MeetingRow | undefined> {
  return updateVersioned(db, 'meetings', id, expectedVersion, changes);
}

export async function deleteMeeting(db: Db, id: number): Promise<void> {
  await db.deleteFrom('meetings').where('id', '=', id).execute();
}

/**
 * The feed address behind a secret, while neither it nor the API token it was created with is
 * revoked (nor that token expired), with that token's scopes (null for an address created in a session).
 */
export function findActiveCalendarToken(
  db: Db,
  tokenHash: string,
): Promise<(CalendarTokenRow & { api_token_scopes: string | null }) | undefined> {
  return db
    .selectFrom('calendar_tokens')
    .leftJoin('api_tokens', 'api_tokens.id', 'calendar_tokens.api_token_id')
    .selectAll('calendar_tokens')
    .select('api_tokens.scopes as api_token_scopes')
    .where('calendar_tokens.token_hash', '=', tokenHash)
    .where('calendar_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('calendar_tokens.api_token_id', 'is', null),
        eb.and([
          eb('api_tokens.revoked_at', 'is', null),
          eb.or([
            eb('api_tokens.expires_at', 'is', null),
            eb('api_tokens.expires_at', '>', new Date().toISOString()),
          ]),
        ]),
      ]),
    )
    .executeTakeFirst();
}

export function findActiveCalendarTokenOf(
  db: Db,
  userId: number,
  eventId: number,
): Promise<CalendarTokenRow | undefined> {
  return db
    .selectFrom('calendar_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('event_id', '=', eventId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function insertCalendarToken(
  db: Db,
  row: Insertable<CalendarTokensTable>,
): Promise<CalendarTokenRow> {
  return db.insertInto('calendar_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Ends every feed address created with an API token, when the token is revoked. */
export async function revokeCalendarTokensOfApiToken(
  db: Db,
  apiTokenId: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('calendar_tokens')
    .set({ revoked_at: at })
    .where('api_token_id', '=', apiTokenId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeCalendarTokens(
  db: Db,
  userId: number,
  eventId: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('calendar_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('event_id', '=', eventId)
    .where('revoked_at', 'is', null)
    .execute();
}
