import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { hashSecret } from '../auth/service.ts';
import { presentProvenance } from '../db/provenance.ts';
import type { Db } from '../db/schema.ts';
import { isoInstant } from '../../core/time.ts';
import { errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { type Permission, isAllowed, parseScopes, scopesCover } from '../../core/access.ts';
import { findEventWithGrants } from '../access/repository.ts';
import { listActionsOfMeeting } from '../actions/repository.ts';
import { presentAction } from '../actions/service.ts';
import { answerPage, fetchAllPages } from '../db/paging.ts';
import { diversionIdsOf, listDecisionsOfMeeting } from '../decisions/repository.ts';
import { presentDecision } from '../decisions/service.ts';
import { requireEvent } from '../events/service.ts';
import { indexForSearch, removeFromSearch } from '../search/index-document.ts';
import { findUserById } from '../users/repository.ts';
import { calendarOf } from './calendar.ts';
import { calendarFeed } from './feed.ts';
import type { Schedule } from './recurrence.ts';
import {
  type ForumRow,
  type MeetingRow,
  deleteForum,
  deleteMeeting,
  findActiveCalendarToken,
  findActiveCalendarTokenOf,
  findForum,
  findMeeting,
  insertCalendarToken,
  insertForum,
  insertMeeting,
  listForums,
  listMeetings,
  revokeCalendarTokens,
  updateForum,
  updateMeeting,
} from './repository.ts';
import type {
  Calendar,
  CalendarAddress,
  CalendarSubscription,
  Forum,
  ForumDetail,
  Meeting,
  MeetingDetail,
  createForumBody,
  createMeetingBody,
  meetingListQuery,
  updateForumBody,
  updateMeetingBody,
} from '../../contract/meetings.ts';
import type { Page } from '../../contract/list.ts';

export function scheduleOf(row: ForumRow): Schedule | null {
  if (!row.schedule_days || row.schedule_time === null || row.schedule_minutes === null) {
    return null;
  }
  return {
    days: row.schedule_days.split(',').map(Number),
    time: row.schedule_time,
    durationMinutes: row.schedule_minutes,
  };
}

export function presentForum(row: ForumRow): Forum {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    mandate: row.mandate,
    chairRole: row.chair_role,
    schedule: scheduleOf(row),
    provenance: presentProvenance(row),
    version: row.version,
  };
}

export function presentMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    eventId: row.event_id,
    forumId: row.forum_id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    agenda: row.agenda,
    attendees: JSON.parse(row.attendees) as string[],
    minutes: row.minutes,
    internal: row.internal === 1,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

const longestRangeDays = 100;
const dayMs = 86_400_000;
/** The feed lists every dated item, but forums' regular times only around today. */
const feedOccurrencesBackDays = 60;
const feedOccurrencesAheadDays = 120;

/** The event's forums. */
export async function forumsOf(db: Db, eventId: number): Promise<{ items: Forum[] }> {
  return { items: (await listForums(db, eventId)).map(presentForum) };
}

/** A forum with every meeting held in it (that the reader may see), newest first. */
export async function forumDetail(
  db: Db,
  eventId: number,
  forumId: number,
  includeInternal: boolean,
): Promise<ForumDetail> {
  const forum = await findForum(db, eventId, forumId);
  if (!forum) throw errors.notFound('Forumet');
  const rows = await fetchAllPages((page) =>
    listMeetings(db, eventId, { includeInternal, forumId }, { ...page, order: 'desc' }),
  );
  return { ...presentForum(forum), meetings: rows.map(presentMeeting) };
}

/** One page of the event's meetings, filtered as the query says. */
export async function meetingPage(
  db: Db,
  eventId: number,
  query: z.infer<typeof meetingListQuery>,
  includeInternal: boolean,
): Promise<Page<Meeting>> {
  const { from, to, forumId } = query;
  const filter = {
    includeInternal,
    forumId,
    ...(from && { from: isoInstant(from) }),
    ...(to && { to: isoInstant(to) }),
  };
  return answerPage(
    query,
    (page) => listMeetings(db, eventId, filter, page),
    (rows) => rows.map(presentMeeting),
  );
}

/** A meeting with the decisions and actions recorded in it. */
export async function meetingDetail(
  db: Db,
  eventId: number,
  meetingId: number,
  includeInternal: boolean,
): Promise<MeetingDetail> {
  const meeting = await findMeeting(db, eventId, meetingId);
  if (!meeting || (meeting.internal === 1 && !includeInternal)) throw errors.notFound('Mötet');
  const decisions = await listDecisionsOfMeeting(db, eventId, meetingId, includeInternal);
  const links = await diversionIdsOf(
    db,
    decisions.map((decision) => decision.id),
  );
  const actions = await listActionsOfMeeting(db, eventId, meetingId, includeInternal);
  return {
    ...presentMeeting(meeting),
    decisions: decisions.map((decision) => presentDecision(decision, links.get(decision.id)!)),
    actions: actions.map((action) => presentAction(action)),
  };
}

/** Everything on the event's calendar in [from, to), at most a hundred days. */
export async function calendarFor(
  db: Db,
  eventId: number,
  range: { from: string; to: string },
  includeInternal: boolean,
): Promise<Calendar> {
  const from = new Date(range.from);
  const to = new Date(range.to);
  if (to <= from) {
    throw errors.badRequest('Slutet måste ligga efter början.', { field: 'to' });
  }
  if (to.getTime() - from.getTime() > longestRangeDays * dayMs) {
    throw errors.badRequest(`Välj högst ${longestRangeDays} dagar åt gången.`, {
      field: 'to',
    });
  }
  const event = await requireEvent(db, eventId);
  const items = await calendarOf(db, event.id, {
    from,
    to,
    zone: event.time_zone,
    includeInternal,
    occurrencesUntil: event.closed_at ? new Date(event.closed_at) : null,
  });
  return { from: from.toISOString(), to: to.toISOString(), items };
}

/** Whether the user has a working feed address for the event. */
export async function calendarSubscriptionOf(
  db: Db,
  actor: Actor,
  eventId: number,
): Promise<CalendarSubscription> {
  const token = await findActiveCalendarTokenOf(db, actor.userId!, eventId);
  return { active: token !== undefined, createdAt: token?.created_at ?? null };
}

/** A new secret feed address for the user (see createCalendarToken). */
export async function subscribeToCalendar(
  db: Db,
  actor: Actor,
  eventId: number,
  apiTokenId: number | null,
  publicUrl: string,
): Promise<CalendarAddress> {
  const { token, createdAt } = await createCalendarToken(db, actor, eventId, apiTokenId);
  return { url: new URL(`/cal/${token}.ics`, publicUrl).toString(), createdAt };
}

/**
 * The iCalendar feed behind a secret address. Calendar programs fetch without a session: the
 * secret decides the user and the event, and the user's current grants decide what it shows.
 */
export async function calendarFeedOf(
  db: Db,
  file: string,
  publicUrl: string,
  now = new Date(),
): Promise<string> {
  const feedMissing = errors.notFound('Kalendern');
  const token = await findActiveCalendarToken(db, hashSecret(file.slice(0, -'.ics'.length)));
  if (!token) throw feedMissing;
  const user = await findUserById(db, token.user_id);
  if (!user || user.disabled_at) throw feedMissing;
  const found = await findEventWithGrants(db, token.event_id, user.id);
  if (!found) throw feedMissing;
  const { event } = found;
  const grants = user.is_admin === 1 ? [{ role: 'admin' as const, unitId: null }] : found.grants;
  // What the owner may see now, and no more than the API token it was created with covers.
  const scopes = token.api_token_scopes === null ? null : parseScopes(token.api_token_scopes);
  const may = (permission: Permission) =>
    isAllowed(grants, permission) && (scopes === null || scopesCover(scopes, permission));
  if (!may('picture.read')) throw feedMissing;
  const entries = await calendarOf(db, event.id, {
    from: new Date(0),
    to: new Date('9999-12-31T00:00:00Z'),
    zone: event.time_zone,
    includeInternal: may('internal.read'),
    occurrencesFrom: new Date(now.getTime() - feedOccurrencesBackDays * dayMs),
    occurrencesUntil: event.closed_at
      ? new Date(event.closed_at)
      : new Date(now.getTime() + feedOccurrencesAheadDays * dayMs),
  });
  return calendarFeed(event.name, entries, publicUrl, now, event.time_zone);
}

export async function createForum(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createForumBody>,
  source = 'manual',
): Promise<Forum> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const forum = await insertForum(trx, {
      event_id: eventId,
      name: input.name,
      mandate: input.mandate,
      chair_role: input.chairRole,
      ...scheduleColumns(input.schedule),
      created_by: actor.userId,
      created_at: now,
      source,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'forum.create',
      entityType: 'forum',
      entityId: forum.id,
      eventId,
      after: forum,
    });
    return presentForum(forum);
  });
}

export async function changeForum(
  db: Db,
  actor: Actor,
  eventId: number,
  forumId: number,
  input: z.infer<typeof updateForumBody>,
): Promise<Forum> {
  return db.transaction().execute(async (trx) => {
    const before = await findForum(trx, eventId, forumId);
    if (!before) throw errors.notFound('Forumet');
    const updated = await updateForum(trx, forumId, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.mandate !== undefined && { mandate: input.mandate }),
      ...(input.chairRole !== undefined && { chair_role: input.chairRole }),
      ...(input.schedule !== undefined && scheduleColumns(input.schedule)),
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentForum(before));
    await recordAudit(trx, actor, {
      action: 'forum.update',
      entityType: 'forum',
      entityId: forumId,
      eventId,
      before,
      after: updated,
    });
    return presentForum(updated);
  });
}

export async function createMeeting(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createMeetingBody>,
  source = 'manual',
): Promise<Meeting> {
  return db.transaction().execute(async (trx) => {
    await checkForum(trx, eventId, input.forumId);
    const startsAt = isoInstant(input.startsAt);
    const endsAt = isoInstant(input.endsAt);
    refuseEndBeforeStart(startsAt, endsAt);
    const now = new Date().toISOString();
    const meeting = await insertMeeting(trx, {
      event_id: eventId,
      forum_id: input.forumId,
      title: input.title,
      starts_at: startsAt,
      ends_at: endsAt,
      agenda: input.agenda,
      attendees: JSON.stringify(input.attendees),
      minutes: input.minutes,
      internal: input.internal ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      source,
      updated_by: actor.userId,
      updated_at: now,
    });
    await index(trx, meeting);
    await recordAudit(trx, actor, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: meeting.id,
      eventId,
      after: meeting,
    });
    return presentMeeting(meeting);
  });
}

export async function changeMeeting(
  db: Db,
  actor: Actor,
  eventId: number,
  meetingId: number,
  input: z.infer<typeof updateMeetingBody>,
): Promise<Meeting> {
  return db.transaction().execute(async (trx) => {
    const before = await findMeeting(trx, eventId, meetingId);
    if (!before) throw errors.notFound('Mötet');
    if (input.forumId !== undefined) await checkForum(trx, eventId, input.forumId);
    const startsAt = input.startsAt !== undefined ? isoInstant(input.startsAt) : before.starts_at;
    const endsAt = input.endsAt !== undefined ? isoInstant(input.endsAt) : before.ends_at;
    refuseEndBeforeStart(startsAt, endsAt);
    const updated = await updateMeeting(trx, meetingId, input.version, {
      ...(input.forumId !== undefined && { forum_id: input.forumId }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.agenda !== undefined && { agenda: input.agenda }),
      ...(input.attendees !== undefined && { attendees: JSON.stringify(input.attendees) }),
      ...(input.minutes !== undefined && { minutes: input.minutes }),
      ...(input.internal !== undefined && { internal: input.internal ? 1 : 0 }),
      starts_at: startsAt,
      ends_at: endsAt,
      updated_by: actor.userId,
      updated_at: new Date().toISOString(),
    });
    if (!updated) throw errors.conflict(presentMeeting(before));
    await index(trx, updated);
    await recordAudit(trx, actor, {
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: meetingId,
      eventId,
      before,
      after: updated,
    });
    return presentMeeting(updated);
  });
}

/** Removes a forum that no meeting belongs to; its regular time leaves the calendar. */
export async function removeForum(db: Db, actor: Actor, eventId: number, forumId: number) {
  await db.transaction().execute(async (trx) => {
    const before = await findForum(trx, eventId, forumId);
    if (!before) throw errors.notFound('Forumet');
    const { total } = await listMeetings(
      trx,
      eventId,
      { includeInternal: true, forumId },
      { limit: 1, offset: 0, order: 'asc' },
    );
    if (total > 0) {
      throw errors.wrongState(
        'Forumet har möten och kan inte tas bort. Ta bort eller flytta mötena först.',
      );
    }
    await deleteForum(trx, forumId);
    await recordAudit(trx, actor, {
      action: 'forum.delete',
      entityType: 'forum',
      entityId: forumId,
      eventId,
      before,
    });
  });
}

/** Removes a meeting that no decision or action was recorded in (those keep their history). */
export async function removeMeeting(db: Db, actor: Actor, eventId: number, meetingId: number) {
  await db.transaction().execute(async (trx) => {
    const before = await findMeeting(trx, eventId, meetingId);
    if (!before) throw errors.notFound('Mötet');
    const decisions = await listDecisionsOfMeeting(trx, eventId, meetingId, true);
    const actions = await listActionsOfMeeting(trx, eventId, meetingId, true);
    if (decisions.length + actions.length > 0) {
      throw errors.wrongState(
        'Mötet har beslut eller åtgärder kopplade till sig och kan inte tas bort.',
      );
    }
    await deleteMeeting(trx, meetingId);
    await removeFromSearch(trx, 'meeting', meetingId);
    await recordAudit(trx, actor, {
      action: 'meeting.delete',
      entityType: 'meeting',
      entityId: meetingId,
      eventId,
      before,
    });
  });
}

/**
 * Gives the user a new secret feed address for the event; an earlier one stops working. The
 * secret is returned once and only its hash is kept. Created with an API token (`apiTokenId`),
 * the address ends with the token.
 */
export async function createCalendarToken(
  db: Db,
  actor: Actor,
  eventId: number,
  apiTokenId: number | null,
) {
  const userId = requireUser(actor);
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await revokeCalendarTokens(trx, userId, eventId, now);
    const token = randomBytes(24).toString('base64url');
    const row = await insertCalendarToken(trx, {
      user_id: userId,
      event_id: eventId,
      token_hash: hashSecret(token),
      created_at: now,
      api_token_id: apiTokenId,
    });
    await recordAudit(trx, actor, {
      action: 'calendar_token.create',
      entityType: 'calendar_token',
      entityId: row.id,
      eventId,
      after: row,
    });
    return { token, createdAt: row.created_at };
  });
}

export async function revokeCalendarToken(db: Db, actor: Actor, eventId: number): Promise<void> {
  const userId = requireUser(actor);
  await db.transaction().execute(async (trx) => {
    const active = await findActiveCalendarTokenOf(trx, userId, eventId);
    if (!active) throw errors.notFound('Kalenderprenumerationen');
    await revokeCalendarTokens(trx, userId, eventId, new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'calendar_token.revoke',
      entityType: 'calendar_token',
      entityId: active.id,
      eventId,
      before: active,
    });
  });
}

function requireUser(actor: Actor): number {
  if (actor.userId === null) throw errors.badRequest('Bara en användare kan prenumerera.');
  return actor.userId;
}

function scheduleColumns(schedule: Schedule | null) {
  return {
    schedule_days: schedule ? [...schedule.days].sort((a, b) => a - b).join(',') : '',
    schedule_time: schedule?.time ?? null,
    schedule_minutes: schedule?.durationMinutes ?? null,
  };
}

async function checkForum(trx: Db, eventId: number, forumId: number | null): Promise<void> {
  if (forumId !== null && !(await findForum(trx, eventId, forumId))) {
    throw errors.badRequest('Forumet finns inte i den här händelsen.', { field: 'forumId' });
  }
}

function refuseEndBeforeStart(startsAt: string, endsAt: string): void {
  if (endsAt <= startsAt) {
    throw errors.badRequest('Mötet måste sluta efter att det har börjat.', { field: 'endsAt' });
  }
}

function index(trx: Db, meeting: MeetingRow): Promise<void> {
  return indexForSearch(trx, {
    eventId: meeting.event_id,
    kind: 'meeting',
    entityId: meeting.id,
    title: meeting.title,
    body: [meeting.agenda, meeting.minutes].filter(Boolean).join('\n\n'),
    internal: meeting.internal === 1,
    at: meeting.starts_at,
  });
}
