import type { SearchResults } from '../../contract/search.ts';
import type { Database } from '../db/database.ts';
import type { Db } from '../db/schema.ts';
import { publishedAmong } from '../reports/repository.ts';
import { type SearchDocumentRow, searchDocuments } from './repository.ts';

const maxWords = 8;
const excerptLength = 240;

/** Letters and digits only: nothing the user types can become query syntax. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords);
}

/**
 * The event's records that match every word, newest first. A report is found only once it is
 * published, with the page anyone may read it on; one that is not never reaches a reader.
 */
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
  const published = await publishedReportPaths(database.db, eventId, rows);
  return {
    items: rows
      .filter((row) => includeInternal || row.kind !== 'report' || published.has(row.entity_id))
      .map((row) => ({
        kind: row.kind,
        id: row.entity_id,
        unitId: row.unit_id,
        title: row.title,
        excerpt:
          row.body.length > excerptLength ? `${row.body.slice(0, excerptLength)}…` : row.body,
        internal: row.internal === 1,
        at: row.at,
        publishedPath: (row.kind === 'report' && published.get(row.entity_id)) || null,
      })),
  };
}

/** The public page of each published report among the hits, by report id. */
async function publishedReportPaths(db: Db, eventId: number, rows: SearchDocumentRow[]) {
  const ids = rows.filter((row) => row.kind === 'report').map((row) => row.entity_id);
  const reports = await publishedAmong(db, eventId, ids);
  return new Map(reports.map((report) => [report.id, `/r/${eventId}/${report.number}`]));
}
