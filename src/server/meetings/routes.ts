import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { fileResponse, noContent } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  calendar,
  calendarAddress,
  calendarQuery,
  calendarSubscription,
  createForumBody,
  createMeetingBody,
  feedParams,
  forum,
  forumDetail as forumDetailSchema,
  forumList,
  forumParams,
  meeting,
  meetingDetail as meetingDetailSchema,
  meetingListQuery,
  meetingPage as meetingPageSchema,
  meetingParams,
  updateForumBody,
  updateMeetingBody,
} from '../../contract/meetings.ts';
import {
  calendarFeedOf,
  calendarFor,
  calendarSubscriptionOf,
  changeForum,
  changeMeeting,
  createForum,
  createMeeting,
  forumDetail,
  forumsOf,
  meetingDetail,
  meetingPage,
  removeForum,
  removeMeeting,
  revokeCalendarToken,
  subscribeToCalendar,
} from './service.ts';

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
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: forumList } },
    },
    async (request) => forumsOf(db, request.params.eventId),
  );

  app.get(
    '/api/events/:eventId/forums/:forumId',
    {
      config: { access: read },
      schema: { tags, params: forumParams, response: { 200: forumDetailSchema } },
    },
    async (request) =>
      forumDetail(db, request.params.eventId, request.params.forumId, canReadInternal(request)),
  );

  app.post(
    '/api/events/:eventId/forums',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createForumBody, response: { 201: forum } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createForum(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/forums/:forumId',
    {
      config: { access: write },
      schema: { tags, params: forumParams, body: updateForumBody, response: { 200: forum } },
    },
    async (request) =>
      changeForum(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.forumId,
        request.body,
      ),
  );

  app.delete(
    '/api/events/:eventId/forums/:forumId',
    {
      config: { access: write },
      schema: { tags, params: forumParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removeForum(db, actorOf(request), request.params.eventId, request.params.forumId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/events/:eventId/meetings',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: meetingListQuery,
        response: { 200: meetingPageSchema },
      },
    },
    async (request) =>
      meetingPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/meetings/:meetingId',
    {
      config: { access: read },
      schema: { tags, params: meetingParams, response: { 200: meetingDetailSchema } },
    },
    async (request) =>
      meetingDetail(db, request.params.eventId, request.params.meetingId, canReadInternal(request)),
  );

  app.post(
    '/api/events/:eventId/meetings',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createMeetingBody, response: { 201: meeting } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMeeting(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/meetings/:meetingId',
    {
      config: { access: write },
      schema: { tags, params: meetingParams, body: updateMeetingBody, response: { 200: meeting } },
    },
    async (request) =>
      changeMeeting(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.delete(
    '/api/events/:eventId/meetings/:meetingId',
    {
      config: { access: write },
      schema: { tags, params: meetingParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removeMeeting(db, actorOf(request), request.params.eventId, request.params.meetingId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/events/:eventId/calendar',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: calendarQuery,
        response: { 200: calendar },
      },
    },
    async (request) =>
      calendarFor(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/calendar/subscription',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: calendarSubscription } },
    },
    async (request) => calendarSubscriptionOf(db, actorOf(request), request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/calendar/subscription',
    {
      config: { access: subscribe },
      schema: { tags, params: eventIdParams, response: { 201: calendarAddress } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await subscribeToCalendar(
            db,
            actorOf(request),
            request.params.eventId,
            request.apiTokenId,
            publicUrl,
          ),
        ),
  );

  app.delete(
    '/api/events/:eventId/calendar/subscription',
    {
      config: { access: subscribe },
      schema: { tags, params: eventIdParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await revokeCalendarToken(db, actorOf(request), request.params.eventId);
      return reply.code(204).send(null);
    },
  );

  // Calendar programs fetch without a session: the secret in the address decides the user and
  // the event, and the user's current grants decide what the feed shows. It may carry internal
  // items and ends with a revoked token or grant, so no cache keeps a copy.
  app.get(
    '/cal/:file',
    {
      config: { access: { kind: 'public' } },
      schema: { tags, params: feedParams, response: { 200: fileResponse } },
    },
    async (request, reply) => {
      const feed = await calendarFeedOf(db, request.params.file, publicUrl);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(feed);
    },
  );
};
