import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  createInputRequestBody,
  eventParams,
  inputRequestListQuery,
  optionalPeriodQuery,
  returnBody,
  saveSituationBody,
  situationListQuery,
  situationParams,
  unitPeriodParams,
  versionBody,
} from '../../contract/situations.ts';
import { completeness, createInputRequest, inputRequestPage } from './input-requests.ts';
import {
  acceptSituation,
  latestSituations,
  prefillSituation,
  presentSituation,
  returnSituation,
  saveSituation,
  situationPage,
  situationWithVersions,
  submitSituation,
  viewerOf,
} from './service.ts';

export const situationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['situations'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const unitWrite = { kind: 'event', permission: 'situation.write', unitParam: 'unitId' } as const;
  const review = { kind: 'event', permission: 'situation.review' } as const;

  app.get(
    '/api/events/:eventId/situations',
    {
      config: { access: read },
      schema: { tags, params: eventParams, querystring: situationListQuery },
    },
    async (request) => {
      const { limit, offset, order, ...filter } = request.query;
      return situationPage(
        db,
        request.params.eventId,
        { ...filter, ...viewerOf(request.eventGrants) },
        { limit, offset, order },
      );
    },
  );

  app.get(
    '/api/events/:eventId/situations/latest',
    {
      config: { access: read, sharedAnswer: true },
      schema: { tags, params: eventParams, querystring: optionalPeriodQuery },
    },
    async (request) =>
      latestSituations(db, request.params.eventId, request.query.period, canReadInternal(request)),
  );

  app.get(
    '/api/events/:eventId/situations/:situationId',
    { config: { access: read }, schema: { tags, params: situationParams } },
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
      schema: { tags, params: unitPeriodParams, body: saveSituationBody },
    },
    async (request, reply) => {
      const saved = await saveSituation(db, request.actor!, request.params, request.body);
      return reply.code(saved.created ? 201 : 200).send(presentSituation(saved.situation));
    },
  );

  app.post(
    '/api/events/:eventId/units/:unitId/situations/:period/submit',
    {
      config: { access: unitWrite },
      schema: { tags, params: unitPeriodParams, body: versionBody },
    },
    async (request) =>
      presentSituation(
        await submitSituation(db, request.actor!, request.params, request.body.version),
      ),
  );

  app.get(
    '/api/events/:eventId/units/:unitId/situations/:period/prefill',
    { config: { access: read }, schema: { tags, params: unitPeriodParams } },
    async (request) => prefillSituation(db, request.params, viewerOf(request.eventGrants)),
  );

  app.post(
    '/api/events/:eventId/situations/:situationId/return',
    { config: { access: review }, schema: { tags, params: situationParams, body: returnBody } },
    async (request) =>
      presentSituation(
        await returnSituation(
          db,
          request.actor!,
          request.params.eventId,
          request.params.situationId,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/events/:eventId/situations/:situationId/accept',
    { config: { access: review }, schema: { tags, params: situationParams, body: versionBody } },
    async (request) =>
      presentSituation(
        await acceptSituation(
          db,
          request.actor!,
          request.params.eventId,
          request.params.situationId,
          request.body.version,
        ),
      ),
  );

  app.post(
    '/api/events/:eventId/input-requests',
    {
      config: { access: { kind: 'event', permission: 'input_request.manage' } },
      schema: { tags, params: eventParams, body: createInputRequestBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createInputRequest(db, request.actor!, request.params.eventId, request.body)),
  );

  app.get(
    '/api/events/:eventId/input-requests',
    {
      config: { access: read },
      schema: { tags, params: eventParams, querystring: inputRequestListQuery },
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
      schema: { tags, params: eventParams, querystring: optionalPeriodQuery },
    },
    async (request) => completeness(db, request.params.eventId, request.query.period),
  );
};
