import type { Generated } from 'kysely';

export interface SearchDocumentsTable {
  id: Generated<number>;
  event_id: number;
  kind: string;
  entity_id: number;
  unit_id: number | null;
  title: string;
  body: string;
  internal: number;
  at: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
}
