import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parsePeriod } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { csvFilename, csvRowLimit, sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { listFacilities, listUnits } from '../units/repository.ts';
import { observationCsvColumns } from './csv.ts';
import {
  allObservations,
  findFigure,
  listFigures,
  listObservations,
  placeDirectory,
} from './repository.ts';
import {
  createFigureBody,
  createObservationBody,
  createUnitObservationBody,
  eventParams,
  figureListQuery,
  figureParams,
  importBody,
  pushBody,
  observationExportQuery,
  observationQuery,
  seriesQuery,
  unitParams,
  updateFigureBody,
} from '../../contract/figures.ts';
import { buildSeries } from './series.ts';
import {
  changeFigure,
  createFigure,
  importObservations,
  presentFigure,
  presentObservation,
  previewImport,
  pushObservations,
  recordObservation,
  recordUnitObservation,
} from './service.ts';

export const figureRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['figures'];
  const read = { access: { kind: 'event', permission: 'picture.read' } } as const;
  const define = { access: { kind: 'event', permission: 'figure.define' } } as const;
  const write = { access: { kind: 'event', permission: 'figure.write' } } as const;

  app.get(
    '/api/events/:eventId/figures',
    {
      config: { ...read, sharedAnswer: true },
      schema: { tags, params: eventParams, querystring: figureListQuery },
    },
    async (request) => {
      const { limit, offset, order } = request.query;
      const { rows, total } = await listFigures(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request) },
        { limit, offset, order },
      );
      return { items: rows.map(presentFigure), total, limit, offset };
    },
  );

  app.post(
    '/api/events/:eventId/figures',
    { config: define, schema: { tags, params: eventParams, body: createFigureBody } },
    async (request, reply) => {
      const figure = await createFigure(db, request.actor!, request.params.eventId, request.body);
      return reply.code(201).send(presentFigure(figure));
    },
  );

  app.patch(
    '/api/events/:eventId/figures/:figureId',
    { config: define, schema: { tags, params: figureParams, body: updateFigureBody } },
    async (request) => {
      const { eventId, figureId } = request.params;
      return presentFigure(await changeFigure(db, request.actor!, eventId, figureId, request.body));
    },
  );

  app.get(
    '/api/events/:eventId/figures/:figureId/observations',
    { config: read, schema: { tags, params: figureParams, querystring: observationQuery } },
    async (request) => {
      const { eventId, figureId } = request.params;
      const visibility = { includeInternal: canReadInternal(request) };
      if (!(await findFigure(db, eventId, figureId, visibility))) {
        throw errors.notFound('Nyckeltalet');
      }
      const { limit, offset, order, period, ...filter } = request.query;
      const window = period ? parsePeriodFilter(period) : {};
      const { rows, total } = await listObservations(
        db,
        figureId,
        { ...filter, ...window },
        visibility,
        { limit, offset, order },
      );
      return { items: rows.map(presentObservation), total, limit, offset };
    },
  );

  app.get(
    '/api/events/:eventId/figures/:figureId/observations.csv',
    { config: read, schema: { tags, params: figureParams, querystring: observationExportQuery } },
    async (request, reply) => {
      const { eventId, figureId } = request.params;
      const visibility = { includeInternal: canReadInternal(request) };
      const figure = await findFigure(db, eventId, figureId, visibility);
      if (!figure) throw errors.notFound('Nyckeltalet');
      const { order, period, ...filter } = request.query;
      const window = period ? parsePeriodFilter(period) : {};
      const { rows } = await listObservations(db, figureId, { ...filter, ...window }, visibility, {
        limit: csvRowLimit,
        offset: 0,
        order,
      });
      const columns = observationCsvColumns(presentFigure(figure), {
        units: new Map((await listUnits(db)).map((unit) => [unit.id, unit.name])),
        facilities: new Map((await listFacilities(db)).map((place) => [place.id, place.name])),
      });
      const filename = csvFilename(`nyckeltal-${figure.key}`);
      return sendCsv(reply, filename, columns, rows.map(presentObservation));
    },
  );

  app.post(
    '/api/events/:eventId/figures/:figureId/observations',
    { config: write, schema: { tags, params: figureParams, body: createObservationBody } },
    async (request, reply) => {
      const { eventId, figureId } = request.params;
      const observation = await recordObservation(
        db,
        request.actor!,
        eventId,
        figureId,
        request.body,
      );
      return reply.code(201).send(presentObservation(observation));
    },
  );

  app.post(
    '/api/events/:eventId/units/:unitId/observations',
    {
      config: { access: { kind: 'event', permission: 'figure.write', unitParam: 'unitId' } },
      schema: { tags, params: unitParams, body: createUnitObservationBody },
    },
    async (request, reply) => {
      const { eventId, unitId } = request.params;
      const observation = await recordUnitObservation(
        db,
        request.actor!,
        eventId,
        unitId,
        request.body,
      );
      return reply.code(201).send(presentObservation(observation));
    },
  );

  app.get(
    '/api/events/:eventId/figures/:figureId/series',
    {
      config: { ...read, sharedAnswer: true },
      schema: { tags, params: figureParams, querystring: seriesQuery },
    },
    async (request) => {
      const { eventId, figureId } = request.params;
      const visibility = { includeInternal: canReadInternal(request) };
      const figure = await findFigure(db, eventId, figureId, visibility);
      if (!figure) throw errors.notFound('Nyckeltalet');
      const { granularity, ...filter } = request.query;
      const [observations, directory] = await Promise.all([
        allObservations(db, figureId, filter, visibility),
        placeDirectory(db),
      ]);
      return {
        figure: presentFigure(figure),
        ...buildSeries(figure, observations, granularity, directory),
      };
    },
  );

  app.post(
    '/api/events/:eventId/figures/import/preview',
    { config: write, schema: { tags, params: eventParams, body: importBody } },
    async (request) => {
      const parsed = await previewImport(db, request.actor!, request.params.eventId, request.body);
      return { ...parsed, valid: parsed.errors.length === 0 };
    },
  );

  app.post(
    '/api/events/:eventId/figures/import',
    { config: write, schema: { tags, params: eventParams, body: importBody } },
    async (request, reply) => {
      const result = await importObservations(
        db,
        request.actor!,
        request.params.eventId,
        request.body,
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/events/:eventId/figures/push',
    { config: write, schema: { tags, params: eventParams, body: pushBody } },
    async (request) =>
      pushObservations(db, request.actor!, request.params.eventId, request.body.observations),
  );
};

function parsePeriodFilter(key: string): { from: string; to: string } {
  try {
    const period = parsePeriod(key);
    return { from: period.start.toISOString(), to: period.end.toISOString() };
  } catch {
    throw errors.badRequest('Perioden finns inte.', { field: 'period' });
  }
}
