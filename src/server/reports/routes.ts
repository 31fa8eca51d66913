import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { deliveryList } from '../../contract/distribution.ts';
import {
  recipientList,
  reportChecks as reportChecksAnswer,
  reportDetail as reportDetailAnswer,
  reportList,
  reportParams,
  reportSection,
  reportSeries,
  reportSeriesList,
  reportSummary,
  returnBody,
  saveSectionBody,
  sectionParams,
  seriesParams,
  setNextNumberBody,
  startReportBody,
  versionBody,
} from '../../contract/reports.ts';
import { noContent } from '../../contract/common.ts';
import { actorOf } from '../http/actor.ts';
import {
  deleteReport,
  moveReportAnswer,
  publishReportAnswer,
  refreshSectionAnswer,
  reportChecks,
  reportDeliveries,
  reportDetail,
  reportRecipients,
  reportSummaries,
  saveSectionAnswer,
  startCorrectionAnswer,
  startReportAnswer,
} from './service.ts';
import { reportSeriesOfEvent, setNextSeriesNumber } from './series.ts';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['reports'];
  const read = { kind: 'event', permission: 'internal.read' } as const;
  const edit = { kind: 'event', permission: 'report.edit' } as const;
  const approve = { kind: 'event', permission: 'report.approve' } as const;
  // How reports are named and numbered belongs to the template's design: whoever may shape the
  // templates (template.manage) sets where a series continues, not every report writer.
  const numbering = { kind: 'event', permission: 'template.manage' } as const;

  app.get(
    '/api/events/:eventId/report-series',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: reportSeriesList } },
    },
    async (request) => reportSeriesOfEvent(db, request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/report-series/:series',
    {
      config: { access: numbering },
      schema: {
        tags,
        params: seriesParams,
        body: setNextNumberBody,
        response: { 200: reportSeries },
      },
    },
    async (request) =>
      setNextSeriesNumber(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.series,
        request.body,
      ),
  );

  app.get(
    '/api/events/:eventId/reports',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: reportList } },
    },
    async (request) => reportSummaries(db, request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/reports',
    {
      config: { access: edit },
      schema: {
        tags,
        params: eventIdParams,
        body: startReportBody,
        response: { 201: reportSummary },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await startReportAnswer(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.get(
    '/api/events/:eventId/reports/:reportId',
    {
      config: { access: read },
      schema: { tags, params: reportParams, response: { 200: reportDetailAnswer } },
    },
    async (request) => reportDetail(db, request.params.eventId, request.params.reportId),
  );

  app.delete(
    '/api/events/:eventId/reports/:reportId',
    {
      config: { access: edit },
      schema: { tags, params: reportParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      const { eventId, reportId } = request.params;
      await deleteReport(db, actorOf(request), eventId, reportId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/events/:eventId/reports/:reportId/checks',
    {
      config: { access: read },
      schema: { tags, params: reportParams, response: { 200: reportChecksAnswer } },
    },
    async (request) => reportChecks(db, request.params.eventId, request.params.reportId),
  );

  app.put(
    '/api/events/:eventId/reports/:reportId/sections/:sectionId',
    {
      config: { access: edit },
      schema: {
        tags,
        params: sectionParams,
        body: saveSectionBody,
        response: { 200: reportSection },
      },
    },
    async (request) => saveSectionAnswer(db, actorOf(request), request.params, request.body),
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/sections/:sectionId/refresh',
    {
      config: { access: edit },
      schema: { tags, params: sectionParams, body: versionBody, response: { 200: reportSection } },
    },
    async (request) =>
      refreshSectionAnswer(db, actorOf(request), request.params, request.body.version),
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/submit',
    {
      config: { access: edit },
      schema: { tags, params: reportParams, body: versionBody, response: { 200: reportSummary } },
    },
    async (request) =>
      moveReportAnswer(db, actorOf(request), request.params, 'submit', request.body),
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/return',
    {
      config: { access: approve },
      schema: { tags, params: reportParams, body: returnBody, response: { 200: reportSummary } },
    },
    async (request) =>
      moveReportAnswer(db, actorOf(request), request.params, 'return', request.body),
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/approve',
    {
      config: { access: approve },
      schema: { tags, params: reportParams, body: versionBody, response: { 200: reportSummary } },
    },
    async (request) =>
      moveReportAnswer(db, actorOf(request), request.params, 'approve', request.body),
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/publish',
    {
      config: { access: approve },
      schema: { tags, params: reportParams, body: versionBody, response: { 200: reportSummary } },
    },
    async (request) =>
      publishReportAnswer(db, actorOf(request), request.params, request.body.version),
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/correct',
    {
      config: { access: edit },
      schema: { tags, params: reportParams, response: { 201: reportSummary } },
    },
    async (request, reply) =>
      reply.code(201).send(await startCorrectionAnswer(db, actorOf(request), request.params)),
  );

  app.get(
    '/api/events/:eventId/reports/:reportId/recipients',
    {
      config: { access: read },
      schema: { tags, params: reportParams, response: { 200: recipientList } },
    },
    async (request) => reportRecipients(db, request.params.eventId, request.params.reportId),
  );

  app.get(
    '/api/events/:eventId/reports/:reportId/deliveries',
    {
      config: { access: read },
      schema: { tags, params: reportParams, response: { 200: deliveryList } },
    },
    async (request) => reportDeliveries(db, request.params.eventId, request.params.reportId),
  );
};
