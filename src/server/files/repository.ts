import type { Insertable, Selectable } from 'kysely';
import type { FileOwnerKind } from '../../contract/files.ts';
import { type PageRequest, type Rows, fetchPage } from '../db/paging.ts';
import type { Db } from '../db/schema.ts';
import type { FilesTable } from './tables.ts';

export type FileRow = Omit<Selectable<FilesTable>, 'content'>;
export type FileWithContent = Selectable<FilesTable>;

export interface FileOwner {
  kind: FileOwnerKind;
  id: number | null;
}

const metadataColumns = [
  'id',
  'event_id',
  'owner_kind',
  'owner_id',
  'name',
  'kind',
  'content_type',
  'size_bytes',
  'sha256',
  'internal',
  'created_by',
  'created_at',
] as const;

function ofOwner(db: Db, eventId: number, owner: FileOwner) {
  const query = db
    .selectFrom('files')
    .where('event_id', '=', eventId)
    .where('owner_kind', '=', owner.kind);
  return owner.id === null
    ? query.where('owner_id', 'is', null)
    : query.where('owner_id', '=', owner.id);
}

/** One page of an owner's files, newest first; internal ones only when asked for. */
export function listFiles(
  db: Db,
  eventId: number,
  owner: FileOwner,
  includeInternal: boolean,
  page: PageRequest,
): Promise<Rows<FileRow>> {
  let query = ofOwner(db, eventId, owner);
  if (!includeInternal) query = query.where('internal', '=', 0);
  return fetchPage(
    query,
    (rows) => rows.select(metadataColumns).orderBy('created_at', 'desc').orderBy('id', 'desc'),
    page,
  );
}

export function findFile(db: Db, eventId: number, id: number): Promise<FileRow | undefined> {
  return db
    .selectFrom('files')
    .select(metadataColumns)
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findFileWithContent(
  db: Db,
  eventId: number,
  id: number,
): Promise<FileWithContent | undefined> {
  return db
    .selectFrom('files')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertFile(db: Db, row: Insertable<FilesTable>): Promise<FileRow> {
  return db.insertInto('files').values(row).returning(metadataColumns).executeTakeFirstOrThrow();
}

export async function deleteFile(db: Db, id: number): Promise<void> {
  await db.deleteFrom('files').where('id', '=', id).execute();
}
