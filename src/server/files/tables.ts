import type { Generated } from 'kysely';
import type { FileKind, FileOwnerKind } from '../../contract/files.ts';

/**
 * Files on the picture: the bytes live in the row (a blob on SQLite, bytea on PostgreSQL), with
 * their SHA-256 checked on every read. `owner_id` names a row of the table `owner_kind` stands
 * for; the event's library has none.
 */
export interface FilesTable {
  id: Generated<number>;
  event_id: number;
  owner_kind: FileOwnerKind;
  owner_id: number | null;
  name: string;
  kind: FileKind;
  content_type: string;
  size_bytes: number;
  sha256: string;
  internal: number;
  content: Buffer;
  created_by: number | null;
  created_at: string;
}

export interface FilesTables {
  files: FilesTable;
}
