import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { csvFilename, csvRowLimit, sendCsv } from '../http/csv.ts';
import { canReadInternal } from '../http/guard.ts';
import { riskCsvColumns } from './csv.ts';
import { assessmentsOf, findRisk, listRisks } from './repository.ts';
import {
  assessRiskBody,
  createRiskBody,
  riskExportQuery,
  riskListQuery,
  riskParams,
  updateRiskBody,
} from '../../contract/risks.ts';
import { assessRisk, changeRisk, createRisk, presentAssessment, presentRisk } from './service.ts';

export const riskRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['risks'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'risk.write' } as const;

  app.get(
    '/api/events/:eventId/risks',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: riskListQuery },
    },
    async (request) => {
      const { limit, offset, order } = request.query;
      const { rows, total } = await listRisks(
        db,
        request.params.eventId,
        canReadInternal(request),
        { limit, offset, order },
      );
      const history = await assessmentsOf(
        db,
        rows.map((row) => row.id),
      );
      return {
        items: rows.map((row) => presentRisk(row, history.get(row.id)!)),
        total,
        limit,
        offset,
      };
    },
  );

  app.get(
    '/api/events/:eventId/risks.csv',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: riskExportQuery },
    },
    async (request, reply) => {
      const { rows } = await listRisks(db, request.params.eventId, canReadInternal(request), {
        limit: csvRowLimit,
        offset: 0,
        order: request.query.order,
      });
      const history = await assessmentsOf(
        db,
        rows.map((row) => row.id),
      );
      const risks = rows.map((row) => presentRisk(row, history.get(row.id)!));
      return sendCsv(reply, csvFilename('risker'), riskCsvColumns, risks);
    },
  );

  app.get(
    '/api/events/:eventId/risks/:riskId',
    { config: { access: read }, schema: { tags, params: riskParams } },
    async (request) => {
      const { eventId, riskId } = request.params;
      const risk = await findRisk(db, eventId, riskId);
      if (!risk || (risk.internal === 1 && !canReadInternal(request)))
        throw errors.notFound('Risken');
      const history = (await assessmentsOf(db, [riskId])).get(riskId)!;
      return { ...presentRisk(risk, history), assessments: history.map(presentAssessment) };
    },
  );

  app.post(
    '/api/events/:eventId/risks',
    { config: { access: write }, schema: { tags, params: eventIdParams, body: createRiskBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createRisk(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/risks/:riskId',
    { config: { access: write }, schema: { tags, params: riskParams, body: updateRiskBody } },
    async (request) =>
      changeRisk(db, request.actor!, request.params.eventId, request.params.riskId, request.body),
  );

  app.post(
    '/api/events/:eventId/risks/:riskId/assessments',
    { config: { access: write }, schema: { tags, params: riskParams, body: assessRiskBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await assessRisk(
            db,
            request.actor!,
            request.params.eventId,
            request.params.riskId,
            request.body,
          ),
        ),
  );
};
