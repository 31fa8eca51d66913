import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  changeDeadlineBody,
  completeness as completenessSchema,
  createInputRequestBody,
  eventParams,
  inputRequest,
  inputRequestListQuery,
  inputRequestParams,
  inputRequestPage as inputRequestPageSchema,
  optionalPeriodQuery,
  reminderResult,
  reminderStatus,
  returnBody,
  saveSituationBody,
  situation,
  situationList,
  situationListQuery,
  situationPage as situationPageSchema,
  situationParams,
  situationPrefill,
  situationWithVersions as situationWithVersionsSchema,
  unitPeriodParams,
  versionBody,
} from '../../contract/situations.ts';
import {
  changeInputRequestDeadline,
  completeness,
  createInputRequest,
  inputRequestPage,
} from './input-requests.ts';
import { defaultHoursBefore, onDemandMailer, remindNow } from './reminders.ts';
import {
  acceptSituation,
  latestSituations,
  prefillSituation,
  returnSituation,
  saveSituation,
  situationPage,
  situationWithVersions,
  submitSituation,
  viewerOf,
} from './service.ts';

export interface SituationRouteOptions {
  db: Db;
  /** The SMTP relay reminders sent now go through (SMTP_URL); none: they cannot be sent. */
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
}

export const situationRoutes: FastifyPluginAsyncZod<SituationRouteOptions> = async (
  app,
  { db, smtpUrl, mailFrom },
) => {
  const tags = ['situations'];
  const mailer = onDemandMailer(smtpUrl, mailFrom);
  app.addHook('onClose', () => mailer.close());
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const unitWrite = { kind: 'event', permission: 'situation.write', unitParam: 'unitId' } as const;
  const review = { kind: 'event', permission: 'situation.review' } as const;
  const manage = { kind: 'event', permission: 'input_request.manage' } as const;

  app.get(
    '/api/events/:eventId/situations',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventParams,
        querystring: situationListQuery,
        response: { 200: situationPageSchema },
      },
    },
    async (request) =>
      situationPage(db, request.params.eventId, request.query, viewerOf(request.eventGrants)),
  );

  app.get(
    '/api/events/:eventId/situations/latest',
    {
      config: { access: read, sharedAnswer: true },
      schema: {
        tags,
        params: eventParams,
        querystring: optionalPeriodQuery,
        response: { 200: situationList },
      },
    },
    async (request) =>
      latestSituations(db, request.params.eventId, request.query.period, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/situations/:situationId',
    {
      config: { access: read },
      schema: { tags, params: situationParams, response: { 200: situationWithVersionsSchema } },
    },
    async (request) =>
      situationWithVersions(
        db,
        request.params.eventId,
        request.params.situationId,
        viewerOf(request.eventGrants),
      ),
  );

  app.put(
    '/api/events/:eventId/units/:unitId/situations/:period',
    {
      config: { access: unitWrite },
      schema: {
        tags,
        params: unitPeriodParams,
        body: saveSituationBody,
        response: { 200: situation, 201: situation },
      },
    },
    async (request, reply) => {
      const saved = await saveSituation(db, actorOf(request), request.params, request.body);
      return reply.code(saved.created ? 201 : 200).send(saved.situation);
    },
  );

  app.post(
    '/api/events/:eventId/units/:unitId/situations/:period/submit',
    {
      config: { access: unitWrite },
      schema: { tags, params: unitPeriodParams, body: versionBody, response: { 200: situation } },
    },
    async (request) => submitSituation(db, actorOf(request), request.params, request.body.version),
  );

  app.get(
    '/api/events/:eventId/units/:unitId/situations/:period/prefill',
    {
      config: { access: read },
      schema: { tags, params: unitPeriodParams, response: { 200: situationPrefill } },
    },
    async (request) => prefillSituation(db, request.params, viewerOf(request.eventGrants)),
  );

  app.post(
    '/api/events/:eventId/situations/:situationId/return',
    {
      config: { access: review },
      schema: { tags, params: situationParams, body: returnBody, response: { 200: situation } },
    },
    async (request) =>
      returnSituation(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.situationId,
        request.body,
      ),
  );

  app.post(
    '/api/events/:eventId/situations/:situationId/accept',
    {
      config: { access: review },
      schema: { tags, params: situationParams, body: versionBody, response: { 200: situation } },
    },
    async (request) =>
      acceptSituation(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.situationId,
        request.body.version,
      ),
  );

  app.post(
    '/api/events/:eventId/input-requests',
    {
      config: { access: manage },
      schema: {
        tags,
        params: eventParams,
        body: createInputRequestBody,
        response: { 201: inputRequest },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createInputRequest(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    '/api/events/:eventId/input-requests/:requestId',
    {
      config: { access: manage },
      schema: {
        tags,
        params: inputRequestParams,
        body: changeDeadlineBody,
        response: { 200: inputRequest },
      },
    },
    async (request) => {
      const { eventId, requestId } = request.params;
      return changeInputRequestDeadline(db, actorOf(request), eventId, requestId, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/input-requests/:requestId/reminders',
    {
      config: { access: manage },
      schema: { tags, params: inputRequestParams, response: { 200: reminderResult } },
    },
    async (request) => {
      const { eventId, requestId } = request.params;
      return remindNow(db, await mailer.get(), actorOf(request), eventId, requestId);
    },
  );

  app.get(
    '/api/events/:eventId/reminder-status',
    {
      config: { access: manage },
      schema: { tags, params: eventParams, response: { 200: reminderStatus } },
    },
    async () => ({ mailConfigured: smtpUrl !== undefined, hoursBefore: defaultHoursBefore }),
  );

  app.get(
    '/api/events/:eventId/input-requests',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventParams,
        querystring: inputRequestListQuery,
        response: { 200: inputRequestPageSchema },
      },
    },
    async (request) => {
      const { limit, offset, order, period } = request.query;
      return inputRequestPage(db, request.params.eventId, { period }, { limit, offset, order });
    },
  );

  app.get(
    '/api/events/:eventId/completeness',
    {
      config: { access: read, sharedAnswer: true },
      schema: {
        tags,
        params: eventParams,
        querystring: optionalPeriodQuery,
        response: { 200: completenessSchema },
      },
    },
    async (request) => completeness(db, request.params.eventId, request.query.period),
  );
};
