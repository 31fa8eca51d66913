import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { eventIdParams } from '../../contract/events.ts';
import { canReadInternal } from '../http/guard.ts';
import { searchDocuments } from './repository.ts';
import { decimalNumber } from '../../contract/numbers.ts';

const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'Skriv minst ett sökord.').max(200),
    limit: decimalNumber(1, 100).default(25),
  })
  .strict();

const maxWords = 8;

/** Letters and digits only: nothing the user types can become query syntax. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords);
}

export const searchRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (
  app,
  { database },
) => {
  app.get(
    '/api/events/:eventId/search',
    {
      config: { access: { kind: 'event', permission: 'picture.read' } },
      schema: { tags: ['search'], params: eventIdParams, querystring: searchQuery },
    },
    async (request) => {
      const words = searchWords(request.query.q);
      if (words.length === 0) return { items: [] };
      const rows = await searchDocuments(database.db, database.dialect, {
        eventId: request.params.eventId,
        words,
        includeInternal: canReadInternal(request),
        limit: request.query.limit,
      });
      return {
        items: rows.map((row) => ({
          kind: row.kind,
          id: row.entity_id,
          unitId: row.unit_id,
          title: row.title,
          excerpt: row.body.length > 240 ? `${row.body.slice(0, 240)}…` : row.body,
          internal: row.internal === 1,
          at: row.at,
        })),
      };
    },
  );
};
