import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activity,
  activityListQuery,
  activityPage as activityPageSchema,
  activityParams,
  createActivityBody,
  createMediaPictureBody,
  createSpokespersonBody,
  mediaPicture,
  mediaPictureListQuery,
  mediaPicturePage as mediaPicturePageSchema,
  mediaPictureParams,
  spokesperson,
  spokespersonListQuery,
  spokespersonPage as spokespersonPageSchema,
  spokespersonParams,
  updateActivityBody,
  updateMediaPictureBody,
  updateSpokespersonBody,
} from '../../contract/communication.ts';
import { eventIdParams } from '../../contract/events.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import { canReadInternal } from '../http/guard.ts';
import {
  activityPage,
  changeActivity,
  changeMediaPicture,
  changeSpokesperson,
  createActivity,
  createMediaPicture,
  createSpokesperson,
  mediaPicturePage,
  spokespersonPage,
} from './service.ts';

export const communicationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['communication'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const write = { kind: 'event', permission: 'communication.write' } as const;
  const base = '/api/events/:eventId/communication';

  app.get(
    `${base}/activities`,
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: activityListQuery,
        response: { 200: activityPageSchema },
      },
    },
    async (request) =>
      activityPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.post(
    `${base}/activities`,
    {
      config: { access: write },
      schema: {
        tags,
        params: eventIdParams,
        body: createActivityBody,
        response: { 201: activity },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createActivity(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    `${base}/activities/:activityId`,
    {
      config: { access: write },
      schema: {
        tags,
        params: activityParams,
        body: updateActivityBody,
        response: { 200: activity },
      },
    },
    async (request) =>
      changeActivity(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.activityId,
        request.body,
      ),
  );

  app.get(
    `${base}/media`,
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: mediaPictureListQuery,
        response: { 200: mediaPicturePageSchema },
      },
    },
    async (request) =>
      mediaPicturePage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.post(
    `${base}/media`,
    {
      config: { access: write },
      schema: {
        tags,
        params: eventIdParams,
        body: createMediaPictureBody,
        response: { 201: mediaPicture },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMediaPicture(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    `${base}/media/:mediaPictureId`,
    {
      config: { access: write },
      schema: {
        tags,
        params: mediaPictureParams,
        body: updateMediaPictureBody,
        response: { 200: mediaPicture },
      },
    },
    async (request) =>
      changeMediaPicture(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.mediaPictureId,
        request.body,
      ),
  );

  app.get(
    `${base}/spokespersons`,
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: spokespersonListQuery,
        response: { 200: spokespersonPageSchema },
      },
    },
    async (request) =>
      spokespersonPage(db, request.params.eventId, request.query, canReadInternal(request)),
  );

  app.post(
    `${base}/spokespersons`,
    {
      config: { access: write },
      schema: {
        tags,
        params: eventIdParams,
        body: createSpokespersonBody,
        response: { 201: spokesperson },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createSpokesperson(db, actorOf(request), request.params.eventId, request.body)),
  );

  app.patch(
    `${base}/spokespersons/:spokespersonId`,
    {
      config: { access: write },
      schema: {
        tags,
        params: spokespersonParams,
        body: updateSpokespersonBody,
        response: { 200: spokesperson },
      },
    },
    async (request) =>
      changeSpokesperson(
        db,
        actorOf(request),
        request.params.eventId,
        request.params.spokespersonId,
        request.body,
      ),
  );
};
