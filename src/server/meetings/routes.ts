import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Permission, isAllowed, parseScopes, scopesCover } from '../../core/access.ts';
import { findEventWithGrants } from '../access/repository.ts';
import { hashSecret } from '../auth/service.ts';
import { listActionsOfMeeting } from '../actions/repository.ts';
import { presentAction } from '../actions/service.ts';
import type { Db } from '../db/schema.ts';
import { diversionIdsOf, listDecisionsOfMeeting } from '../decisions/repository.ts';
import { presentDecision } from '../decisions/service.ts';
import { errors } from '../errors.ts';
import { findEvent } from '../events/repository.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import { findUserById } from '../users/repository.ts';
import { calendarOf } from './calendar.ts';
import { calendarFeed } from './feed.ts';
import {
  findActiveCalendarToken,
  findActiveCalendarTokenOf,
  findForum,
  findMeeting,
  listForums,
  listMeetings,
} from './repository.ts';
import {
  calendarQuery,
  createForumBody,
  createMeetingBody,
  feedParams,
  forumParams,
  meetingListQuery,
  meetingParams,
  updateForumBody,
  updateMeetingBody,
} from '../../contract/meetings.ts';
import {
  changeForum,
  changeMeeting,
  createCalendarToken,
  createForum,
  createMeeting,
  presentForum,
  presentMeeting,
  removeForum,
  removeMeeting,
  revokeCalendarToken,
} from './service.ts';

const longestRangeDays = 100;
const dayMs = 86_400_000;
/** The feed lists every dated item, but forums' regular times only around today. */
const feedOccurrencesBackDays = 60;
const feedOccurrencesAheadDays = 120;

export const meetingRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl: string }> = async (
  app,
  { db, publicUrl },
) => {
  const tags = ['meetings'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'meeting.write' } as const;
  // A feed address outlives the request that creates it: an API token needs a scope for it.
  const subscribe = {
    kind: 'event',
    permission: 'picture.read',
    onClosedEvent: true,
    tokenScope: 'calendar:subscribe',
  } as const;

  app.get(
    '/api/events/:eventId/forums',
    { config: { access: read }, schema: { tags, params: eventIdParams } },
    async (request) => ({
      items: (await listForums(db, request.params.eventId)).map(presentForum),
    }),
  );

  app.get(
    '/api/events/:eventId/forums/:forumId',
    { config: { access: read }, schema: { tags, params: forumParams } },
    async (request) => {
      const { eventId, forumId } = request.params;
      const forum = await findForum(db, eventId, forumId);
      if (!forum) throw errors.notFound('Forumet');
      const { rows } = await listMeetings(
        db,
        eventId,
        { includeInternal: canReadInternal(request), forumId },
        { limit: 500, offset: 0, order: 'desc' },
      );
      return { ...presentForum(forum), meetings: rows.map(presentMeeting) };
    },
  );

  app.post(
    '/api/events/:eventId/forums',
    { config: { access: write }, schema: { tags, params: eventIdParams, body: createForumBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createForum(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/forums/:forumId',
    { config: { access: write }, schema: { tags, params: forumParams, body: updateForumBody } },
    async (request) =>
      changeForum(db, request.actor!, request.params.eventId, request.params.forumId, request.body),
  );

  app.delete(
    '/api/events/:eventId/forums/:forumId',
    { config: { access: write }, schema: { tags, params: forumParams } },
    async (request, reply) => {
      await removeForum(db, request.actor!, request.params.eventId, request.params.forumId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/events/:eventId/meetings',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: meetingListQuery },
    },
    async (request) => {
      const { limit, offset, order, from, to, forumId } = request.query;
      const { rows, total } = await listMeetings(
        db,
        request.params.eventId,
        {
          includeInternal: canReadInternal(request),
          forumId,
          ...(from && { from: new Date(from).toISOString() }),
          ...(to && { to: new Date(to).toISOString() }),
        },
        { limit, offset, order },
      );
      return { items: rows.map(presentMeeting), total, limit, offset };
    },
  );

  app.get(
    '/api/events/:eventId/meetings/:meetingId',
    { config: { access: read }, schema: { tags, params: meetingParams } },
    async (request) => {
      const { eventId, meetingId } = request.params;
      const includeInternal = canReadInternal(request);
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
    },
  );

  app.post(
    '/api/events/:eventId/meetings',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createMeetingBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMeeting(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/meetings/:meetingId',
    {
      config: { access: write },
      schema: { tags, params: meetingParams, body: updateMeetingBody },
    },
    async (request) =>
      changeMeeting(
        db,
        request.actor!,
        request.params.eventId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.delete(
    '/api/events/:eventId/meetings/:meetingId',
    { config: { access: write }, schema: { tags, params: meetingParams } },
    async (request, reply) => {
      await removeMeeting(db, request.actor!, request.params.eventId, request.params.meetingId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/events/:eventId/calendar',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: calendarQuery },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (to <= from) {
        throw errors.badRequest('Slutet måste ligga efter början.', { field: 'to' });
      }
      if (to.getTime() - from.getTime() > longestRangeDays * dayMs) {
        throw errors.badRequest(`Välj högst ${longestRangeDays} dagar åt gången.`, {
          field: 'to',
        });
      }
      const event = (await findEvent(db, request.params.eventId))!;
      const items = await calendarOf(db, event.id, {
        from,
        to,
        includeInternal: canReadInternal(request),
        occurrencesUntil: event.closed_at ? new Date(event.closed_at) : null,
      });
      return { from: from.toISOString(), to: to.toISOString(), items };
    },
  );

  app.get(
    '/api/events/:eventId/calendar/subscription',
    { config: { access: read }, schema: { tags, params: eventIdParams } },
    async (request) => {
      const token = await findActiveCalendarTokenOf(
        db,
        request.actor!.userId!,
        request.params.eventId,
      );
      return { active: token !== undefined, createdAt: token?.created_at ?? null };
    },
  );

  app.post(
    '/api/events/:eventId/calendar/subscription',
    { config: { access: subscribe }, schema: { tags, params: eventIdParams } },
    async (request, reply) => {
      const { token, createdAt } = await createCalendarToken(
        db,
        request.actor!,
        request.params.eventId,
        request.apiTokenId,
      );
      return reply
        .code(201)
        .send({ url: new URL(`/cal/${token}.ics`, publicUrl).toString(), createdAt });
    },
  );

  app.delete(
    '/api/events/:eventId/calendar/subscription',
    { config: { access: subscribe }, schema: { tags, params: eventIdParams } },
    async (request, reply) => {
      await revokeCalendarToken(db, request.actor!, request.params.eventId);
      return reply.code(204).send();
    },
  );

  // Calendar programs fetch without a session: the secret in the address decides the user and
  // the event, and the user's current grants decide what the feed shows.
  app.get(
    '/cal/:file',
    { config: { access: { kind: 'public' } }, schema: { tags, params: feedParams } },
    async (request, reply) => {
      const feedMissing = errors.notFound('Kalendern');
      const token = await findActiveCalendarToken(
        db,
        hashSecret(request.params.file.slice(0, -'.ics'.length)),
      );
      if (!token) throw feedMissing;
      const user = await findUserById(db, token.user_id);
      if (!user || user.disabled_at) throw feedMissing;
      const found = await findEventWithGrants(db, token.event_id, user.id);
      if (!found) throw feedMissing;
      const { event } = found;
      const grants =
        user.is_admin === 1 ? [{ role: 'admin' as const, unitId: null }] : found.grants;
      // What the owner may see now, and no more than the API token it was created with covers.
      const scopes = token.api_token_scopes === null ? null : parseScopes(token.api_token_scopes);
      const may = (permission: Permission) =>
        isAllowed(grants, permission) && (scopes === null || scopesCover(scopes, permission));
      if (!may('picture.read')) throw feedMissing;
      const now = new Date();
      const entries = await calendarOf(db, event.id, {
        from: new Date(0),
        to: new Date('9999-12-31T00:00:00Z'),
        includeInternal: may('internal.read'),
        occurrencesFrom: new Date(now.getTime() - feedOccurrencesBackDays * dayMs),
        occurrencesUntil: event.closed_at
          ? new Date(event.closed_at)
          : new Date(now.getTime() + feedOccurrencesAheadDays * dayMs),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendarFeed(event.name, entries, publicUrl, now));
    },
  );
};
