import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { fileResponse } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import { numberParams } from '../../contract/reports.ts';
import { situationParams } from '../../contract/situations.ts';
import { FHIR_CONTENT_TYPE } from './fhir.ts';
import { measureReportQuery, revisionQuery } from '../../contract/exchange.ts';
import {
  type ExchangeFile,
  hospitalStatusFile,
  measureReportJson,
  publishedReportSitRepFile,
  unitSituationSitRepFile,
} from './service.ts';

const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export const exchangeRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl: string }> = async (
  app,
  { db, publicUrl },
) => {
  const tags = ['exchange'];
  const open = { kind: 'public' } as const;
  const internal = { kind: 'event', permission: 'internal.read' } as const;
  const picture = { kind: 'event', permission: 'picture.read' } as const;
  const response = { 200: fileResponse };

  const sendXml = (reply: FastifyReply, { body, fileName }: ExchangeFile) =>
    reply
      .type(XML_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(body);

  app.get(
    '/r/:eventId/:number/sitrep.xml',
    {
      config: { access: open },
      schema: { tags, params: numberParams, querystring: revisionQuery, response },
    },
    async (request, reply) => {
      const { eventId, number } = request.params;
      return sendXml(
        reply,
        await publishedReportSitRepFile(db, eventId, number, 'public', request.query.version),
      );
    },
  );

  app.get(
    '/r/:eventId/:number/intern/sitrep.xml',
    {
      config: { access: internal },
      schema: { tags, params: numberParams, querystring: revisionQuery, response },
    },
    async (request, reply) => {
      const { eventId, number } = request.params;
      return sendXml(
        reply,
        await publishedReportSitRepFile(db, eventId, number, 'internal', request.query.version),
      );
    },
  );

  app.get(
    '/api/events/:eventId/exchange/situations/:situationId/sitrep.xml',
    { config: { access: picture }, schema: { tags, params: situationParams, response } },
    async (request, reply) => {
      const { eventId, situationId } = request.params;
      return sendXml(
        reply,
        await unitSituationSitRepFile(db, eventId, situationId, canReadInternal(request)),
      );
    },
  );

  app.get(
    '/api/events/:eventId/exchange/have.xml',
    { config: { access: picture }, schema: { tags, params: eventIdParams, response } },
    async (request, reply) =>
      sendXml(
        reply,
        await hospitalStatusFile(db, request.params.eventId, canReadInternal(request)),
      ),
  );

  app.get(
    '/api/events/:eventId/exchange/fhir/MeasureReport',
    {
      config: { access: picture },
      schema: { tags, params: eventIdParams, querystring: measureReportQuery, response },
    },
    async (request, reply) => {
      const { facility, period } = request.query;
      const json = await measureReportJson(
        db,
        request.params.eventId,
        { facilityId: facility, period },
        canReadInternal(request),
        { publicUrl, selfUrl: `${publicUrl}${request.url}` },
      );
      return reply.type(FHIR_CONTENT_TYPE).send(json);
    },
  );
};
