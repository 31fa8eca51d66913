import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parsePeriod } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../events/schemas.ts';
import { csvFilename, csvRowLimit, sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { listUnits } from '../units/repository.ts';
import { actionCsvColumns } from './csv.ts';
import { listActions } from './repository.ts';
import {
  actionExportQuery,
  actionListQuery,
  actionParams,
  createActionBody,
  updateActionBody,
} from './schemas.ts';
import { actionSummary, changeAction, createAction, presentAction } from './service.ts';

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

  app.get(
    '/api/events/:eventId/actions/summary',
    {
      config: { access: { kind: 'event', permission: 'picture.read' }, sharedAnswer: true },
      schema: { tags, params: eventIdParams },
    },
    async (request) => actionSummary(db, request.params.eventId, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/actions.csv',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: { tags, params: eventIdParams, querystring: actionExportQuery },
    },
    async (request, reply) => {
      const { order, state, overdue, unitId, decisionId, period } = request.query;
      const now = new Date().toISOString();
      const { rows } = await listActions(
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
        { limit: csvRowLimit, offset: 0, order },
      );
      const units = new Map((await listUnits(db)).map((unit) => [unit.id, unit.name]));
      const actions = rows.map((row) => presentAction(row, now));
      return sendCsv(reply, csvFilename('åtgärder'), actionCsvColumns(units), actions);
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
