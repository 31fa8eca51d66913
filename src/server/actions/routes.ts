import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parsePeriod } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../events/schemas.ts';
import { canReadInternal } from '../http/guard.ts';
import { listActions } from './repository.ts';
import { actionListQuery, actionParams, createActionBody, updateActionBody } from './schemas.ts';
import { changeAction, createAction, presentAction } from './service.ts';

export const actionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['actions'];
  const write = { kind: 'event', permission: 'action.write' } as const;

  app.get(
    '/api/events/:eventId/actions',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: { tags, params: eventIdParams, querystring: actionListQuery },
    },
    async (request) => {
      const { limit, offset, order, state, overdue, unitId, decisionId, period } = request.query;
      const now = new Date().toISOString();
      const { rows, total } = await listActions(
        db,
        request.params.eventId,
        {
          includeInternal: canReadInternal(request),
          state,
          overdue,
          unitId,
          decisionId,
          now,
          ...(period && dueWithin(period)),
        },
        { limit, offset, order },
      );
      return { items: rows.map((row) => presentAction(row, now)), total, limit, offset };
    },
  );

  app.post(
    '/api/events/:eventId/actions',
    { config: { access: write }, schema: { tags, params: eventIdParams, body: createActionBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createAction(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/actions/:actionId',
    { config: { access: write }, schema: { tags, params: actionParams, body: updateActionBody } },
    async (request) =>
      changeAction(
        db,
        request.actor!,
        request.params.eventId,
        request.params.actionId,
        request.body,
      ),
  );
};

/** A period filters actions by when they are due. */
function dueWithin(key: string) {
  try {
    const period = parsePeriod(key);
    return { dueFrom: period.start.toISOString(), dueTo: period.end.toISOString() };
  } catch {
    throw errors.badRequest('Perioden finns inte.', { field: 'period' });
  }
}
