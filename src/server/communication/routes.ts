import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatDate, parsePeriod } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import { listActivities, listMediaPictures, listSpokespersons } from './repository.ts';
import {
  activityListQuery,
  activityParams,
  createActivityBody,
  createMediaPictureBody,
  createSpokespersonBody,
  mediaPictureListQuery,
  mediaPictureParams,
  spokespersonListQuery,
  spokespersonParams,
  updateActivityBody,
  updateMediaPictureBody,
  updateSpokespersonBody,
} from '../../contract/communication.ts';
import {
  changeActivity,
  changeMediaPicture,
  changeSpokesperson,
  createActivity,
  createMediaPicture,
  createSpokesperson,
  presentActivity,
  presentMediaPicture,
  presentSpokesperson,
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
      schema: { tags, params: eventIdParams, querystring: activityListQuery },
    },
    async (request) => {
      const { limit, offset, order, audience, channel } = request.query;
      const { rows, total } = await listActivities(
        db,
        request.params.eventId,
        {
          includeInternal: canReadInternal(request),
          audience,
          channel,
          ...dateRangeOf(request.query),
        },
        { limit, offset, order },
      );
      return { items: rows.map(presentActivity), total, limit, offset };
    },
  );

  app.post(
    `${base}/activities`,
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createActivityBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createActivity(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    `${base}/activities/:activityId`,
    {
      config: { access: write },
      schema: { tags, params: activityParams, body: updateActivityBody },
    },
    async (request) =>
      changeActivity(
        db,
        request.actor!,
        request.params.eventId,
        request.params.activityId,
        request.body,
      ),
  );

  app.get(
    `${base}/media`,
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: mediaPictureListQuery },
    },
    async (request) => {
      const { limit, offset, order, period } = request.query;
      const { rows, total } = await listMediaPictures(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request), period },
        { limit, offset, order },
      );
      return { items: rows.map(presentMediaPicture), total, limit, offset };
    },
  );

  app.post(
    `${base}/media`,
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createMediaPictureBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMediaPicture(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    `${base}/media/:mediaPictureId`,
    {
      config: { access: write },
      schema: { tags, params: mediaPictureParams, body: updateMediaPictureBody },
    },
    async (request) =>
      changeMediaPicture(
        db,
        request.actor!,
        request.params.eventId,
        request.params.mediaPictureId,
        request.body,
      ),
  );

  app.get(
    `${base}/spokespersons`,
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, querystring: spokespersonListQuery },
    },
    async (request) => {
      const { limit, offset, order, activeOn } = request.query;
      const { rows, total } = await listSpokespersons(
        db,
        request.params.eventId,
        { includeInternal: canReadInternal(request), activeOn },
        { limit, offset, order },
      );
      return { items: rows.map(presentSpokesperson), total, limit, offset };
    },
  );

  app.post(
    `${base}/spokespersons`,
    {
      config: { access: write },
      schema: { tags, params: eventIdParams, body: createSpokespersonBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createSpokesperson(db, request.actor!, request.params.eventId, request.body)),
  );

  app.patch(
    `${base}/spokespersons/:spokespersonId`,
    {
      config: { access: write },
      schema: { tags, params: spokespersonParams, body: updateSpokespersonBody },
    },
    async (request) =>
      changeSpokesperson(
        db,
        request.actor!,
        request.params.eventId,
        request.params.spokespersonId,
        request.body,
      ),
  );
};

/** Dates are Stockholm calendar days; an explicit from/to wins over the days of the period. */
function dateRangeOf(query: { from?: string; to?: string; period?: string }) {
  const period = query.period ? periodBounds(query.period) : undefined;
  return {
    fromDate: query.from ?? (period && formatDate(period.start)),
    toDate: query.to ?? (period && formatDate(new Date(period.end.getTime() - 1))),
  };
}

function periodBounds(key: string) {
  try {
    return parsePeriod(key);
  } catch {
    throw errors.badRequest('Perioden finns inte.', { field: 'period' });
  }
}
