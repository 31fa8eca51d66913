import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../../contract/common.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  createFigureBody,
  createObservationBody,
  createUnitObservationBody,
  eventParams,
  figure,
  figureListQuery,
  figurePage as figurePageSchema,
  figureParams,
  importBody,
  importPreview,
  importResult,
  observation,
  observationExportQuery,
  observationPage as observationPageSchema,
  observationQuery,
  pushBody,
  pushResult,
  series,
  seriesQuery,
  unitParams,
  updateFigureBody,
} from '../../contract/figures.ts';
import {
  changeFigure,
  createFigure,
  figurePage,
  figureSeries,
  importObservations,
  observationExport,
  observationPage,
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
      schema: {
        tags,
        params: eventParams,
        querystring: figureListQuery,
        response: { 200: figurePageSchema },
      },
    },
    async (request) =>
      figurePage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.post(
    '/api/events/:eventId/figures',
    {
      config: define,
      schema: { tags, params: eventParams, body: createFigureBody, response: { 201: figure } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createFigure(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/figures/:figureId',
    {
      config: define,
      schema: { tags, params: figureParams, body: updateFigureBody, response: { 200: figure } },
    },
    async (request) => {
      const { eventId, figureId } = request.params;
      return changeFigure(db, actorOf(request), eventId, figureId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/figures/:figureId/observations',
    {
      config: read,
      schema: {
        tags,
        params: figureParams,
        querystring: observationQuery,
        response: { 200: observationPageSchema },
      },
    },
    async (request) => {
      const { eventId, figureId } = request.params;
      return observationPage(db, eventId, figureId, request.query, canReadInternal(request));
    },
  );

  app.get(
    '/api/events/:eventId/figures/:figureId/observations.csv',
    {
      config: read,
      schema: {
        tags,
        params: figureParams,
        querystring: observationExportQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      const { eventId, figureId } = request.params;
      return sendCsv(
        reply,
        await observationExport(db, eventId, figureId, request.query, canReadInternal(request)),
      );
    },
  );

  app.post(
    '/api/events/:eventId/figures/:figureId/observations',
    {
      config: write,
      schema: {
        tags,
        params: figureParams,
        body: createObservationBody,
        response: { 201: observation },
      },
    },
    async (request, reply) => {
      const { eventId, figureId } = request.params;
      return reply
        .code(201)
        .send(await recordObservation(db, actorOf(request), eventId, figureId, request.body));
    },
  );

  app.post(
    '/api/events/:eventId/units/:unitId/observations',
    {
      config: { access: { kind: 'event', permission: 'figure.write', unitParam: 'unitId' } },
      schema: {
        tags,
        params: unitParams,
        body: createUnitObservationBody,
        response: { 201: observation },
      },
    },
    async (request, reply) => {
      const { eventId, unitId } = request.params;
      return reply
        .code(201)
        .send(await recordUnitObservation(db, actorOf(request), eventId, unitId, request.body));
    },
  );

  app.get(
    '/api/events/:eventId/figures/:figureId/series',
    {
      config: { ...read, sharedAnswer: true },
      schema: { tags, params: figureParams, querystring: seriesQuery, response: { 200: series } },
    },
    async (request) => {
      const { eventId, figureId } = request.params;
      return figureSeries(db, eventId, figureId, request.query, canReadInternal(request));
    },
  );

  app.post(
    '/api/events/:eventId/figures/import/preview',
    {
      config: write,
      schema: { tags, params: eventParams, body: importBody, response: { 200: importPreview } },
    },
    async (request) => previewImport(db, actorOf(request), request.params.eventId, request.body),
  );

  app.post(
    '/api/events/:eventId/figures/import',
    {
      config: write,
      schema: { tags, params: eventParams, body: importBody, response: { 201: importResult } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await importObservations(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.post(
    '/api/events/:eventId/figures/push',
    {
      config: write,
      schema: { tags, params: eventParams, body: pushBody, response: { 200: pushResult } },
    },
    async (request) =>
      pushObservations(db, actorOf(request), request.params.eventId, request.body.observations),
  );
};
