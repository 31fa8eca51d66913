import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parsePeriod } from '../../core/time.ts';
import { listActionsOfDecision } from '../actions/repository.ts';
import { presentAction } from '../actions/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { csvFilename, csvRowLimit, sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { decisionCsvColumns } from './csv.ts';
import { diversionIdsOf, findDecision, listDecisions } from './repository.ts';
import {
  createDecisionBody,
  decisionExportQuery,
  decisionListQuery,
  decisionParams,
  updateDecisionBody,
} from '../../contract/decisions.ts';
import { changeDecision, createDecision, presentDecision } from './service.ts';

export const decisionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['decisions'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'decision.write' } as const;

  app.get(
    '/api/events/:eventId/decisions',
    {
      config: { access: read, sharedAnswer: true },
      schema: { tags, params: eventIdParams, querystring: decisionListQuery },
    },
    async (request) => {
      const { limit, offset, order, forum, q } = request.query;
      const { rows, total } = await listDecisions(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request), forum, q, ...rangeOf(request.query) },
        { limit, offset, order },
      );
      const links = await diversionIdsOf(
        db,
        rows.map((row) => row.id),
      );
      return {
        items: rows.map((row) => presentDecision(row, links.get(row.id)!)),
        total,
        limit,
        offset,
      };
    },
  );

  app.get(
    '/api/events/:eventId/decisions.csv',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: decisionExportQuery },
    },
    async (request, reply) => {
      const { order, forum, q } = request.query;
      const { rows } = await listDecisions(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request), forum, q, ...rangeOf(request.query) },
        { limit: csvRowLimit, offset: 0, order },
      );
      const links = await diversionIdsOf(
        db,
        rows.map((row) => row.id),
      );
      const decisions = rows.map((row) => presentDecision(row, links.get(row.id)!));
      return sendCsv(reply, csvFilename('beslut'), decisionCsvColumns, decisions);
    },
  );

  app.get(
    '/api/events/:eventId/decisions/:decisionId',
    { config: { access: read }, schema: { tags, params: decisionParams } },
    async (request) => {
      const { eventId, decisionId } = request.params;
      const includeInternal = canReadInternal(request);
      const decision = await findDecision(db, eventId, decisionId);
      if (!decision || (decision.internal === 1 && !includeInternal))
        throw errors.notFound('Beslutet');
      const links = await diversionIdsOf(db, [decisionId]);
      const actions = await listActionsOfDecision(db, eventId, decisionId, includeInternal);
      return {
        ...presentDecision(decision, links.get(decisionId)!),
        actions: actions.map((action) => presentAction(action)),
      };
    },
  );

  app.post(
    '/api/events/:eventId/decisions',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createDecisionBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createDecision(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/decisions/:decisionId',
    {
      config: { access: write },
      schema: { tags, params: decisionParams, body: updateDecisionBody },
    },
    async (request) =>
      changeDecision(
        db,
        request.actor!,
        request.params.eventId,
        request.params.decisionId,
        request.body,
      ),
  );
};

/** An explicit from/to wins over the bounds of the period. */
function rangeOf(query: { from?: string; to?: string; period?: string }) {
  const period = query.period ? periodBounds(query.period) : undefined;
  return {
    from: query.from ? new Date(query.from).toISOString() : period?.start.toISOString(),
    to: query.to ? new Date(query.to).toISOString() : period?.end.toISOString(),
  };
}

function periodBounds(key: string) {
  try {
    return parsePeriod(key);
  } catch {
    throw errors.badRequest('Perioden finns inte.', { field: 'period' });
  }
}
