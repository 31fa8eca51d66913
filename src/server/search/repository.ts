import { sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { Db } from '../db/schema.ts';

export interface SearchFilter {
  eventId: number;
  words: string[];
  includeInternal: boolean;
  limit: number;
}

/**
 * PostgreSQL stems each word with the Swedish configuration and matches by prefix, so that
 * "beläggningen" finds "beläggningsgraden"; SQLite's FTS5 matches each word as a prefix.
 */
export function searchDocuments(db: Db, dialect: DialectName, filter: SearchFilter) {
  let query = db
    .selectFrom('search_documents')
    .select(['kind', 'entity_id', 'unit_id', 'title', 'body', 'internal', 'at'])
    .where('event_id', '=', filter.eventId);
  if (!filter.includeInternal) query = query.where('internal', '=', 0);
  if (dialect === 'postgres') {
    const tsquery = filter.words.map((word) => `${word}:*`).join(' & ');
    query = query.where(
      sql<boolean>`to_tsvector('swedish', title || ' ' || body) @@ to_tsquery('swedish', ${tsquery})`,
    );
  } else {
    const match = filter.words.map((word) => `"${word}"*`).join(' ');
    query = query.where(
      'id',
      'in',
      sql<number>`(select rowid from search_documents_fts where search_documents_fts match ${match})`,
    );
  }
  return query.orderBy('at', 'desc').limit(filter.limit).execute();
}
