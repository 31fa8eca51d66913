// Files on the picture (src/server/files/): attachments of records and the event's library.
import type { FileOwnerKind, FilePage, StoredFile } from '../../contract/files.ts';
import { eventPath, request, upload } from '../api.ts';

/** What the files belong to, as the screens name it; the path is where its uploads go. */
export type FileOwnerRef =
  | { kind: 'library' }
  | { kind: 'log_entry'; id: number }
  | { kind: 'decision'; id: number }
  | { kind: 'unit_situation'; id: number; unitId: number; period: string };

function ownerPath(eventId: number, owner: FileOwnerRef): string {
  const event = eventPath(eventId);
  switch (owner.kind) {
    case 'library':
      return `${event}/files`;
    case 'log_entry':
      return `${event}/log/${owner.id}/files`;
    case 'decision':
      return `${event}/decisions/${owner.id}/files`;
    case 'unit_situation':
      return `${event}/units/${owner.unitId}/situations/${owner.period}/files`;
  }
}

function ownerQuery(owner: FileOwnerRef): { owner: FileOwnerKind; ownerId?: number } {
  return owner.kind === 'library' ? { owner: 'library' } : { owner: owner.kind, ownerId: owner.id };
}

export const filesApi = {
  list: (eventId: number, owner: FileOwnerRef, page = { limit: 100, offset: 0 }) =>
    request<FilePage>('GET', `${eventPath(eventId)}/files`, undefined, {
      ...ownerQuery(owner),
      ...page,
    }),
  upload: (
    eventId: number,
    owner: FileOwnerRef,
    file: File,
    internal: boolean,
    onProgress: (fraction: number) => void,
  ) =>
    upload<StoredFile>(
      ownerPath(eventId, owner),
      file,
      { name: file.name, internal: String(internal) },
      onProgress,
    ),
  remove: (eventId: number, owner: FileOwnerRef, fileId: number) =>
    request<void>('DELETE', `${ownerPath(eventId, owner)}/${fileId}`),
  /** Where the browser downloads the file (an attachment, never shown inline). */
  contentUrl: (eventId: number, fileId: number) => `${eventPath(eventId)}/files/${fileId}/content`,
};
