import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import { numberParams } from '../../contract/reports.ts';
import { situationParams } from '../../contract/situations.ts';
import { FHIR_CONTENT_TYPE, measureReportBundle } from './fhir.ts';
import { haveXml } from './have.ts';
import { measureReportQuery, revisionQuery } from '../../contract/exchange.ts';
import {
  facilityMeasures,
  hospitalStatuses,
  publishedReportSitRep,
  unitSituationSitRep,
} from './service.ts';
import { sitRepXml } from './sitrep.ts';

const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export const exchangeRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl: string }> = async (
  app,
  { db, publicUrl },
) => {
  const tags = ['exchange'];
  const open = { kind: 'public' } as const;
  const internal = { kind: 'event', permission: 'internal.read' } as const;
  const picture = { kind: 'event', permission: 'picture.read' } as const;

  const sendXml = (reply: FastifyReply, xml: string, fileName: string) =>
    reply
      .type(XML_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(xml);

  app.get(
    '/r/:eventId/:number/sitrep.xml',
    {
      config: { access: open },
      schema: { tags, params: numberParams, querystring: revisionQuery },
    },
    async (request, reply) => {
      const { eventId, number } = request.params;
      const { sitRep, fileName } = await publishedReportSitRep(
        db,
        eventId,
        number,
        'public',
        request.query.version,
      );
      return sendXml(reply, sitRepXml(sitRep), fileName);
    },
  );

  app.get(
    '/r/:eventId/:number/intern/sitrep.xml',
    {
      config: { access: internal },
      schema: { tags, params: numberParams, querystring: revisionQuery },
    },
    async (request, reply) => {
      const { eventId, number } = request.params;
      const { sitRep, fileName } = await publishedReportSitRep(
        db,
        eventId,
        number,
        'internal',
        request.query.version,
      );
      return sendXml(reply, sitRepXml(sitRep), fileName);
    },
  );

  app.get(
    '/api/events/:eventId/exchange/situations/:situationId/sitrep.xml',
    { config: { access: picture }, schema: { tags, params: situationParams } },
    async (request, reply) => {
      const { eventId, situationId } = request.params;
      const { sitRep, fileName } = await unitSituationSitRep(
        db,
        eventId,
        situationId,
        canReadInternal(request),
      );
      return sendXml(reply, sitRepXml(sitRep), fileName);
    },
  );

  app.get(
    '/api/events/:eventId/exchange/have.xml',
    { config: { access: picture }, schema: { tags, params: eventIdParams } },
    async (request, reply) => {
      const { eventId } = request.params;
      const hospitals = await hospitalStatuses(db, eventId, canReadInternal(request));
      return sendXml(reply, haveXml(hospitals), `have-${eventId}.xml`);
    },
  );

  app.get(
    '/api/events/:eventId/exchange/fhir/MeasureReport',
    {
      config: { access: picture },
      schema: { tags, params: eventIdParams, querystring: measureReportQuery },
    },
    async (request, reply) => {
      const { facility, period } = request.query;
      const measures = await facilityMeasures(
        db,
        request.params.eventId,
        { facilityId: facility, period },
        canReadInternal(request),
      );
      const bundle = measureReportBundle(measures, publicUrl, `${publicUrl}${request.url}`);
      return reply.type(FHIR_CONTENT_TYPE).send(JSON.stringify(bundle));
    },
  );
};
