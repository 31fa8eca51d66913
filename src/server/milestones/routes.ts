import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { findDecision } from '../decisions/repository.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import { changesOfMilestone, findMilestone, listMilestones } from './repository.ts';
import {
  createMilestoneBody,
  milestoneParams,
  moveMilestoneBody,
  reachMilestoneBody,
  updateMilestoneBody,
} from '../../contract/milestones.ts';
import {
  changeMilestone,
  createMilestone,
  moveMilestone,
  presentMilestone,
  presentMilestoneChange,
  reachMilestone,
} from './service.ts';

export const milestoneRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['milestones'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'milestone.write' } as const;

  app.get(
    '/api/events/:eventId/milestones',
    { config: { access: read }, schema: { tags, params: eventIdParams } },
    async (request) => {
      const rows = await listMilestones(db, request.params.eventId, canReadInternal(request));
      return { items: rows.map(presentMilestone) };
    },
  );

  app.get(
    '/api/events/:eventId/milestones/:milestoneId',
    { config: { access: read }, schema: { tags, params: milestoneParams } },
    async (request) => {
      const { eventId, milestoneId } = request.params;
      const includeInternal = canReadInternal(request);
      const milestone = await findMilestone(db, eventId, milestoneId);
      if (!milestone || (milestone.internal === 1 && !includeInternal))
        throw errors.notFound('Milstolpen');
      const history = [];
      for (const change of await changesOfMilestone(db, milestoneId)) {
        const decision = change.decision_id
          ? await findDecision(db, eventId, change.decision_id)
          : undefined;
        const visible = decision !== undefined && (decision.internal === 0 || includeInternal);
        history.push({
          ...presentMilestoneChange(change, visible),
          decision: visible
            ? { decidedAt: decision.decided_at, forum: decision.forum, text: decision.text }
            : null,
        });
      }
      return { ...presentMilestone(milestone), history };
    },
  );

  app.post(
    '/api/events/:eventId/milestones',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createMilestoneBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMilestone(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/milestones/:milestoneId',
    {
      config: { access: write },
      schema: { tags, params: milestoneParams, body: updateMilestoneBody },
    },
    async (request) =>
      changeMilestone(
        db,
        request.actor!,
        request.params.eventId,
        request.params.milestoneId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/milestones/:milestoneId/reach',
    {
      config: { access: write },
      schema: { tags, params: milestoneParams, body: reachMilestoneBody },
    },
    async (request) =>
      reachMilestone(
        db,
        request.actor!,
        request.params.eventId,
        request.params.milestoneId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/milestones/:milestoneId/move',
    {
      config: { access: write },
      schema: { tags, params: milestoneParams, body: moveMilestoneBody },
    },
    async (request) =>
      moveMilestone(
        db,
        request.actor!,
        request.params.eventId,
        request.params.milestoneId,
        request.body,
      ),
  );
};
