import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { parsePeriod } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { csvFilename, csvRowLimit, sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { listFacilities } from '../units/repository.ts';
import { type DiversionFilter, listDiversions } from './repository.ts';
import {
  boardQuery,
  createDiversionBody,
  diversionExportQuery,
  diversionListQuery,
  diversionParams,
  endDiversionBody,
  eventParams,
  updateDiversionBody,
} from '../../contract/diversions.ts';
import { diversionCsvColumns } from './csv.ts';
import {
  changeDiversion,
  createDiversion,
  diversionBoard,
  endDiversion,
  presentDiversion,
} from './service.ts';

export const diversionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['diversions'];
  const read = { access: { kind: 'event', permission: 'picture.read' } } as const;
  const write = { access: { kind: 'event', permission: 'diversion.write' } } as const;

  app.get(
    '/api/events/:eventId/diversions',
    { config: read, schema: { tags, params: eventParams, querystring: diversionListQuery } },
    async (request) => {
      const { limit, offset, order } = request.query;
      const filter = await diversionFilterOf(db, request.query);
      const { rows, total } = await listDiversions(
        db,
        request.params.eventId,
        filter,
        { includeInternal: canReadInternal(request) },
        { limit, offset, order },
      );
      return { items: rows.map(presentDiversion), total, limit, offset };
    },
  );

  app.get(
    '/api/events/:eventId/diversions.csv',
    { config: read, schema: { tags, params: eventParams, querystring: diversionExportQuery } },
    async (request, reply) => {
      const { rows } = await listDiversions(
        db,
        request.params.eventId,
        await diversionFilterOf(db, request.query),
        { includeInternal: canReadInternal(request) },
        { limit: csvRowLimit, offset: 0, order: request.query.order },
      );
      const facilities = new Map((await listFacilities(db)).map((place) => [place.id, place.name]));
      const columns = diversionCsvColumns(facilities);
      return sendCsv(reply, csvFilename('omstyrningar'), columns, rows.map(presentDiversion));
    },
  );

  app.get(
    '/api/events/:eventId/diversions/board',
    {
      config: { ...read, sharedAnswer: true },
      schema: { tags, params: eventParams, querystring: boardQuery },
    },
    async (request) => {
      const at = new Date(request.query.at ?? Date.now()).toISOString();
      const items = await diversionBoard(db, request.params.eventId, at, {
        includeInternal: canReadInternal(request),
      });
      return { at, items };
    },
  );

  app.post(
    '/api/events/:eventId/diversions',
    { config: write, schema: { tags, params: eventParams, body: createDiversionBody } },
    async (request, reply) => {
      const diversion = await createDiversion(
        db,
        request.actor!,
        request.params.eventId,
        request.body,
      );
      return reply.code(201).send(presentDiversion(diversion));
    },
  );

  app.patch(
    '/api/events/:eventId/diversions/:diversionId',
    { config: write, schema: { tags, params: diversionParams, body: updateDiversionBody } },
    async (request) => {
      const { eventId, diversionId } = request.params;
      return presentDiversion(
        await changeDiversion(db, request.actor!, eventId, diversionId, request.body),
      );
    },
  );

  app.post(
    '/api/events/:eventId/diversions/:diversionId/end',
    { config: write, schema: { tags, params: diversionParams, body: endDiversionBody } },
    async (request) => {
      const { eventId, diversionId } = request.params;
      return presentDiversion(
        await endDiversion(db, request.actor!, eventId, diversionId, request.body),
      );
    },
  );
};

async function diversionFilterOf(
  db: Db,
  query: z.infer<typeof diversionExportQuery>,
): Promise<DiversionFilter> {
  const { period, unitId, facilityId, state, at } = query;
  const filter: DiversionFilter = {
    state,
    at: new Date(at ?? Date.now()).toISOString(),
    ...(period && periodWindow(period)),
  };
  if (unitId !== undefined) {
    filter.facilityIds = (await listFacilities(db, unitId)).map((facility) => facility.id);
  }
  if (facilityId !== undefined) {
    filter.facilityIds = (filter.facilityIds ?? [facilityId]).filter((id) => id === facilityId);
  }
  return filter;
}

function periodWindow(key: string): { from: string; to: string } {
  try {
    const period = parsePeriod(key);
    return { from: period.start.toISOString(), to: period.end.toISOString() };
  } catch {
    throw errors.badRequest('Perioden finns inte.', { field: 'period' });
  }
}
