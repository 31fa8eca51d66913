import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { deliveriesOfReport } from '../distribution/repository.ts';
import { queueReportDeliveries, recipientsOf } from '../distribution/service.ts';
import { eventIdParams } from '../../contract/events.ts';
import { changesSincePrevious } from './changes.ts';
import { contributorsOf, listReports, sectionsOf } from './repository.ts';
import {
  reportParams,
  returnBody,
  saveSectionBody,
  sectionParams,
  startReportBody,
  versionBody,
} from '../../contract/reports.ts';
import {
  loadReport,
  moveReport,
  presentSectionWithAuthor,
  publishReport,
  refreshSection,
  saveSection,
  startCorrection,
  startReport,
} from './service.ts';
import type { ReportRow } from './repository.ts';

export function presentReport(report: ReportRow) {
  return {
    id: report.id,
    number: report.number,
    revision: report.revision,
    kind: report.kind,
    title: report.title,
    state: report.state,
    templateId: report.template_id,
    periodStart: report.period_start,
    compiledAt: report.compiled_at,
    correctsReportId: report.corrects_report_id,
    returnComment: report.return_comment,
    approvedBy: report.approved_by,
    approvedAt: report.approved_at,
    publishedAt: report.published_at,
    version: report.version,
  };
}

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['reports'];
  const read = { kind: 'event', permission: 'internal.read' } as const;
  const edit = { kind: 'event', permission: 'report.edit' } as const;
  const approve = { kind: 'event', permission: 'report.approve' } as const;

  app.get(
    '/api/events/:eventId/reports',
    { config: { access: read }, schema: { tags, params: eventIdParams } },
    async (request) => ({
      items: (await listReports(db, request.params.eventId)).map(presentReport),
    }),
  );

  app.post(
    '/api/events/:eventId/reports',
    { config: { access: edit }, schema: { tags, params: eventIdParams, body: startReportBody } },
    async (request, reply) => {
      const report = await startReport(db, request.actor!, request.params.eventId, request.body);
      return reply.code(201).send(presentReport(report));
    },
  );

  app.get(
    '/api/events/:eventId/reports/:reportId',
    { config: { access: read }, schema: { tags, params: reportParams } },
    async (request) => {
      const report = await loadReport(db, request.params.eventId, request.params.reportId);
      const sections = await sectionsOf(db, report.id);
      return {
        ...presentReport(report),
        authors: (await contributorsOf(db, report.id)).map((person) => person.name),
        sections: await Promise.all(
          sections.map((section) => presentSectionWithAuthor(db, section)),
        ),
        changes: await changesSincePrevious(db, report, sections),
      };
    },
  );

  app.put(
    '/api/events/:eventId/reports/:reportId/sections/:sectionId',
    { config: { access: edit }, schema: { tags, params: sectionParams, body: saveSectionBody } },
    async (request) => {
      const { eventId, reportId, sectionId } = request.params;
      const section = await saveSection(
        db,
        request.actor!,
        eventId,
        reportId,
        sectionId,
        request.body,
      );
      return presentSectionWithAuthor(db, section);
    },
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/sections/:sectionId/refresh',
    { config: { access: edit }, schema: { tags, params: sectionParams, body: versionBody } },
    async (request) => {
      const { eventId, reportId, sectionId } = request.params;
      const section = await refreshSection(
        db,
        request.actor!,
        eventId,
        reportId,
        sectionId,
        request.body.version,
      );
      return presentSectionWithAuthor(db, section);
    },
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/submit',
    { config: { access: edit }, schema: { tags, params: reportParams, body: versionBody } },
    async (request) => {
      const { eventId, reportId } = request.params;
      return presentReport(
        await moveReport(db, request.actor!, eventId, reportId, 'submit', request.body),
      );
    },
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/return',
    { config: { access: approve }, schema: { tags, params: reportParams, body: returnBody } },
    async (request) => {
      const { eventId, reportId } = request.params;
      return presentReport(
        await moveReport(db, request.actor!, eventId, reportId, 'return', request.body),
      );
    },
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/approve',
    { config: { access: approve }, schema: { tags, params: reportParams, body: versionBody } },
    async (request) => {
      const { eventId, reportId } = request.params;
      return presentReport(
        await moveReport(db, request.actor!, eventId, reportId, 'approve', request.body),
      );
    },
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/publish',
    { config: { access: approve }, schema: { tags, params: reportParams, body: versionBody } },
    async (request) => {
      const { eventId, reportId } = request.params;
      const report = await publishReport(
        db,
        request.actor!,
        eventId,
        reportId,
        request.body.version,
        queueReportDeliveries,
      );
      return presentReport(report);
    },
  );

  app.post(
    '/api/events/:eventId/reports/:reportId/correct',
    { config: { access: edit }, schema: { tags, params: reportParams } },
    async (request, reply) => {
      const { eventId, reportId } = request.params;
      return reply
        .code(201)
        .send(presentReport(await startCorrection(db, request.actor!, eventId, reportId)));
    },
  );

  app.get(
    '/api/events/:eventId/reports/:reportId/recipients',
    { config: { access: read }, schema: { tags, params: reportParams } },
    async (request) => {
      await loadReport(db, request.params.eventId, request.params.reportId);
      const recipients = await recipientsOf(db, request.params.eventId);
      return {
        items: [...recipients.entries()].map(([email, { audience }]) => ({ email, audience })),
      };
    },
  );

  app.get(
    '/api/events/:eventId/reports/:reportId/deliveries',
    { config: { access: read }, schema: { tags, params: reportParams } },
    async (request) => {
      const report = await loadReport(db, request.params.eventId, request.params.reportId);
      const rows = await deliveriesOfReport(db, report.id);
      return {
        items: rows.map((row) => ({
          email: row.email,
          state: row.state,
          attempts: row.attempts,
          lastError: row.last_error,
          sentAt: row.sent_at,
        })),
      };
    },
  );
};
