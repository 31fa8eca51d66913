import { type Insertable, sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { Db } from '../db/schema.ts';
import type { SearchDocumentsTable } from './tables.ts';

export type SearchDocumentRow = Awaited<ReturnType<typeof searchDocuments>>[number];

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

/** Writes an item's text, or replaces the text it had (one document per kind and entity). */
export async function upsertSearchDocument(
  trx: Db,
  values: Insertable<SearchDocumentsTable>,
): Promise<void> {
  await trx
    .insertInto('search_documents')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['kind', 'entity_id']).doUpdateSet({
        unit_id: values.unit_id,
        title: values.title,
        body: values.body,
        internal: values.internal,
        at: values.at,
      }),
    )
    .execute();
}

export async function deleteSearchDocument(trx: Db, kind: string, entityId: number): Promise<void> {
  await trx
    .deleteFrom('search_documents')
    .where('kind', '=', kind)
    .where('entity_id', '=', entityId)
    .execute();
}
