import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import {
  assessRiskBody,
  createRiskBody,
  risk,
  riskExportQuery,
  riskListQuery,
  riskPage as riskPageSchema,
  riskParams,
  riskWithAssessments as riskWithAssessmentsSchema,
  updateRiskBody,
} from '../../contract/risks.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  riskExport,
  assessRisk,
  changeRisk,
  createRisk,
  riskPage,
  riskWithAssessments,
} from './service.ts';

export const riskRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['risks'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'risk.write' } as const;

  app.get(
    '/api/events/:eventId/risks',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: riskListQuery,
        response: { 200: riskPageSchema },
      },
    },
    async (request) =>
      riskPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/risks.csv',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: riskExportQuery,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      return sendCsv(
        reply,
        await riskExport(db, request.params.eventId, request.query, canReadInternal(request)),
      );
    },
  );

  app.get(
    '/api/events/:eventId/risks/:riskId',
    {
      config: { access: read },
      schema: { tags, params: riskParams, response: { 200: riskWithAssessmentsSchema } },
    },
    async (request) =>
      riskWithAssessments(
        db,
        request.params.eventId,
        request.params.riskId,
        canReadInternal(request),
      ),
  );

  app.post(
    '/api/events/:eventId/risks',
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createRiskBody, response: { 201: risk } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createRisk(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/risks/:riskId',
    {
      config: { access: write },
      schema: { tags, params: riskParams, body: updateRiskBody, response: { 200: risk } },
    },
    async (request) =>
      changeRisk(db, actorOf(request), request.params.eventId, request.params.riskId, request.body),
  );

  app.post(
    '/api/events/:eventId/risks/:riskId/assessments',
    {
      config: { access: write },
      schema: {
        tags,
        params: riskParams,
        body: assessRiskBody,
        response: { 201: riskWithAssessmentsSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await assessRisk(
            db,
            actorOf(request),
            request.params.eventId,
            request.params.riskId,
            request.body,
          ),
        ),
  );
};
