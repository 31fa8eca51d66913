import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parsePeriod } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { csvFilename, csvRowLimit, sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { logCsvColumns } from './csv.ts';
import { listLogEntries } from './repository.ts';
import {
  createLogEntryBody,
  logEntryParams,
  logExportQuery,
  logListQuery,
  strikeLogEntryBody,
  updateLogEntryBody,
} from '../../contract/log.ts';
import { correctLogEntry, createLogEntry, presentLogEntry, strikeLogEntry } from './service.ts';

export const logRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['log'];
  const write = { kind: 'event', permission: 'log.write' } as const;

  app.get(
    '/api/events/:eventId/log',
    {
      config: { access: { kind: 'event', permission: 'picture.read' }, sharedAnswer: true },
      schema: { tags, params: eventIdParams, querystring: logListQuery },
    },
    async (request) => {
      const { limit, offset, order, significant } = request.query;
      const { rows, total } = await listLogEntries(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request), significant, ...rangeOf(request.query) },
        { limit, offset, order },
      );
      return { items: rows.map(presentLogEntry), total, limit, offset };
    },
  );

  app.get(
    '/api/events/:eventId/log.csv',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: { tags, params: eventIdParams, querystring: logExportQuery },
    },
    async (request, reply) => {
      const { order, significant } = request.query;
      const { rows } = await listLogEntries(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request), significant, ...rangeOf(request.query) },
        { limit: csvRowLimit, offset: 0, order },
      );
      return sendCsv(reply, csvFilename('loggbok'), logCsvColumns, rows.map(presentLogEntry));
    },
  );

  app.post(
    '/api/events/:eventId/log',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createLogEntryBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createLogEntry(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/log/:entryId',
    {
      config: { access: write },
      schema: { tags, params: logEntryParams, body: updateLogEntryBody },
    },
    async (request) =>
      correctLogEntry(
        db,
        request.actor!,
        request.params.eventId,
        request.params.entryId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/log/:entryId/strike',
    {
      config: { access: write },
      schema: { tags, params: logEntryParams, body: strikeLogEntryBody },
    },
    async (request) =>
      strikeLogEntry(
        db,
        request.actor!,
        request.params.eventId,
        request.params.entryId,
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
