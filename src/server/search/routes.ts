import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eventIdParams } from '../../contract/events.ts';
import { searchQuery, searchResults } from '../../contract/search.ts';
import type { Database } from '../db/database.ts';
import { canReadInternal } from '../http/guard.ts';
import { searchEvent } from './service.ts';

export const searchRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (
  app,
  { database },
) => {
  app.get(
    '/api/events/:eventId/search',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: {
        tags: ['search'],
        params: eventIdParams,
        querystring: searchQuery,
        response: { 200: searchResults },
      },
    },
    async (request) =>
      searchEvent(database, request.params.eventId, request.query, canReadInternal(request)),
  );
};
