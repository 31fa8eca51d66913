import { sql } from 'kysely';
import { type AnyDb, isPostgres, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('search_documents'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('search_documents_entity', ['kind', 'entity_id'])
    .execute();
  if (isPostgres(db)) {
    await sql`CREATE INDEX search_documents_fts ON search_documents
      USING gin (to_tsvector('swedish', title || ' ' || body))`.execute(db);
    return;
  }
  // The FTS5 table mirrors search_documents through triggers, so writers only touch one table.
  await sql`CREATE VIRTUAL TABLE search_documents_fts USING fts5(
      title, body, content='search_documents', content_rowid='id',
      tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')`.execute(db);
  await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_documents_fts(search_documents_fts, rowid, title, body)
      VALUES ('delete', old.id, old.title, old.body); END`.execute(db);
  await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_documents_fts(search_documents_fts, rowid, title, body)
      VALUES ('delete', old.id, old.title, old.body);
      INSERT INTO search_documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END`.execute(
    db,
  );
}
