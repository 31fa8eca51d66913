import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  createMilestoneBody,
  milestone,
  milestoneList as milestoneListSchema,
  milestoneParams,
  milestoneWithHistory as milestoneWithHistorySchema,
  moveMilestoneBody,
  reachMilestoneBody,
  updateMilestoneBody,
} from '../../contract/milestones.ts';
import {
  changeMilestone,
  createMilestone,
  milestoneList,
  milestoneWithHistory,
  moveMilestone,
  reachMilestone,
} from './service.ts';

export const milestoneRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['milestones'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'milestone.write' } as const;

  app.get(
    '/api/events/:eventId/milestones',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: milestoneListSchema } },
    },
    async (request) => milestoneList(db, request.params.eventId, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/milestones/:milestoneId',
    {
      config: { access: read },
      schema: { tags, params: milestoneParams, response: { 200: milestoneWithHistorySchema } },
    },
    async (request) =>
      milestoneWithHistory(
        db,
        request.params.eventId,
        request.params.milestoneId,
        canReadInternal(request),
      ),
  );

  app.post(
    '/api/events/:eventId/milestones',
    {
      config: { access: write },
      schema: {
        tags,
        params: eventIdParams,
        body: createMilestoneBody,
        response: { 201: milestone },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMilestone(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/milestones/:milestoneId',
    {
      config: { access: write },
      schema: {
        tags,
        params: milestoneParams,
        body: updateMilestoneBody,
        response: { 200: milestone },
      },
    },
    async (request) =>
      changeMilestone(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.milestoneId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/milestones/:milestoneId/reach',
    {
      config: { access: write },
      schema: {
        tags,
        params: milestoneParams,
        body: reachMilestoneBody,
        response: { 200: milestone },
      },
    },
    async (request) =>
      reachMilestone(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.milestoneId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/milestones/:milestoneId/move',
    {
      config: { access: write },
      schema: {
        tags,
        params: milestoneParams,
        body: moveMilestoneBody,
        response: { 200: milestone },
      },
    },
    async (request) =>
      moveMilestone(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.milestoneId,
        request.body,
      ),
  );
};
