import type { SearchResults } from '../../contract/search.ts';
import type { Database } from '../db/database.ts';
import { searchDocuments } from './repository.ts';

const maxWords = 8;
const excerptLength = 240;

/** Letters and digits only: nothing the user types can become query syntax. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords);
}

/** The event's records that match every word, newest first. */
export async function searchEvent(
  database: Database,
  eventId: number,
  query: { q: string; limit: number },
  includeInternal: boolean,
): Promise<SearchResults> {
  const words = searchWords(query.q);
  if (words.length === 0) return { items: [] };
  const rows = await searchDocuments(database.db, database.dialect, {
    eventId,
    words,
    includeInternal,
    limit: query.limit,
  });
  return {
    items: rows.map((row) => ({
      kind: row.kind,
      id: row.entity_id,
      unitId: row.unit_id,
      title: row.title,
      excerpt: row.body.length > excerptLength ? `${row.body.slice(0, excerptLength)}…` : row.body,
      internal: row.internal === 1,
      at: row.at,
    })),
  };
}
