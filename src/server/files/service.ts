import { createHash } from 'node:crypto';
import type { FileOwnerKind, FilePage, StoredFile } from '../../contract/files.ts';
import { type EventGrant, isAllowed } from '../../core/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { findDecision } from '../decisions/repository.ts';
import { AppError, errors } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { findLogEntry } from '../log/repository.ts';
import { findSituation, findSituationOfUnit } from '../situations/repository.ts';
import { isVisibleTo, viewerOf } from '../situations/service.ts';
import { userNamesByIds } from '../users/service.ts';
import {
  type FileOwner,
  type FileRow,
  deleteFile,
  findFile,
  findFileWithContent,
  insertFile,
  listFiles,
} from './repository.ts';
import { extensionOf, fileKindInfo, sanitiseFileName, sniffFileKind } from './sniff.ts';

/** Where an upload or a removal goes: the library, or a record named by the route's path. */
export type OwnerTarget =
  | { kind: 'library' }
  | { kind: 'log_entry'; entryId: number }
  | { kind: 'decision'; decisionId: number }
  | { kind: 'unit_situation'; unitId: number; period: string };

export interface Upload {
  name: string;
  internal: boolean;
  bytes: Buffer;
  maxBytes: number;
}

export function fileTooLarge(maxBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    `Filen är för stor. Största tillåtna storlek är ${sizeText(maxBytes)}.`,
    { field: 'file', maxBytes },
  );
}

/** A size as people write it: "20 MB", "1,5 MB", "64 kB". */
function sizeText(bytes: number): string {
  const [value, unit] = bytes >= 1_048_576 ? [bytes / 1_048_576, 'MB'] : [bytes / 1024, 'kB'];
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
  return `${shown} ${unit}`;
}

const allowedKinds =
  'Tillåtna filer är PDF, bilder (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint och vanlig text (UTF-8).';

/** The kind of the bytes, refused with a message that names the problem. */
function checkedKind(name: string, bytes: Buffer) {
  const kind = sniffFileKind(bytes);
  if (kind === null) {
    throw new AppError('unsupported_media_type', `Filtypen stöds inte. ${allowedKinds}`, {
      field: 'file',
    });
  }
  const info = fileKindInfo[kind];
  const extension = extensionOf(name);
  if (extension === null || !info.extensions.includes(extension)) {
    const named =
      extension === null ? 'Filnamnet saknar filändelse' : `Filnamnet slutar på .${extension}`;
    throw new AppError(
      'unsupported_media_type',
      `${named} men innehållet är ${info.label}. Ge filen rätt ändelse (.${info.extensions[0]}) eller välj rätt fil.`,
      { field: 'file', detected: kind },
    );
  }
  return kind;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function presentFiles(db: Db, rows: FileRow[]): Promise<StoredFile[]> {
  const names = await userNamesByIds(
    db,
    rows.map((row) => row.created_by),
  );
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    name: row.name,
    kind: row.kind,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    internal: row.internal === 1,
    uploadedBy: row.created_by,
    uploadedByName: row.created_by === null ? null : (names.get(row.created_by) ?? null),
    uploadedAt: row.created_at,
  }));
}

/**
 * The owner row of a write, which must exist in the event (404 names what is missing); a struck
 * log entry is kept as it was struck, attachments included.
 */
async function resolveOwner(db: Db, eventId: number, target: OwnerTarget): Promise<FileOwner> {
  switch (target.kind) {
    case 'library':
      return { kind: 'library', id: null };
    case 'log_entry': {
      const entry = await findLogEntry(db, eventId, target.entryId);
      if (!entry) throw errors.notFound('Anteckningen');
      if (entry.struck_at !== null) {
        throw errors.wrongState('Anteckningen är struken; dess bilagor kan inte ändras.');
      }
      return { kind: 'log_entry', id: entry.id };
    }
    case 'decision': {
      const decision = await findDecision(db, eventId, target.decisionId);
      if (!decision) throw errors.notFound('Beslutet');
      return { kind: 'decision', id: decision.id };
    }
    case 'unit_situation': {
      const situation = await findSituationOfUnit(db, eventId, target.unitId, target.period);
      if (!situation) throw errors.notFound('Lägesbilden (spara den först)');
      return { kind: 'unit_situation', id: situation.id };
    }
  }
}

/** Whether the grants may read the owner: an internal record or an unsent draft is not for all. */
async function mayReadOwner(
  db: Db,
  eventId: number,
  owner: FileOwner,
  grants: readonly EventGrant[],
): Promise<boolean> {
  const internal = isAllowed(grants, 'internal.read');
  if (owner.kind === 'library') return true;
  if (owner.id === null) return false;
  if (owner.kind === 'log_entry') {
    const entry = await findLogEntry(db, eventId, owner.id);
    return !!entry && (internal || entry.internal === 0);
  }
  if (owner.kind === 'decision') {
    const decision = await findDecision(db, eventId, owner.id);
    return !!decision && (internal || decision.internal === 0);
  }
  const situation = await findSituation(db, eventId, owner.id);
  return !!situation && isVisibleTo(situation, viewerOf(grants));
}

const ownerNames: Record<FileOwnerKind, string> = {
  library: 'Dokumentbiblioteket',
  log_entry: 'Anteckningen',
  decision: 'Beslutet',
  unit_situation: 'Lägesbilden',
};

/** One page of an owner's files as the grants may see them: internal ones only for staff roles. */
export async function filePage(
  db: Db,
  eventId: number,
  owner: FileOwner,
  page: { limit: number; offset: number },
  grants: readonly EventGrant[],
  maxBytes: number,
): Promise<FilePage> {
  if (!(await mayReadOwner(db, eventId, owner, grants))) {
    throw errors.notFound(ownerNames[owner.kind]);
  }
  const includeInternal = isAllowed(grants, 'internal.read');
  const { rows, total } = await listFiles(db, eventId, owner, includeInternal, page);
  return { items: await presentFiles(db, rows), total, ...page, maxBytes };
}

/**
 * Stores an upload: its kind read from the bytes (the name must agree), its SHA-256, and the
 * metadata and audit record in the same transaction, so that a refusal leaves nothing behind.
 */
export async function uploadFile(
  db: Db,
  actor: Actor,
  eventId: number,
  target: OwnerTarget,
  upload: Upload,
): Promise<StoredFile> {
  if (upload.bytes.length > upload.maxBytes) throw fileTooLarge(upload.maxBytes);
  if (upload.bytes.length === 0) throw errors.badRequest('Filen är tom.', { field: 'file' });
  const name = sanitiseFileName(upload.name);
  if (name === '') throw errors.badRequest('Ange filens namn.', { field: 'name' });
  const kind = checkedKind(name, upload.bytes);
  return db.transaction().execute(async (trx) => {
    const owner = await resolveOwner(trx, eventId, target);
    const row = await insertFile(trx, {
      event_id: eventId,
      owner_kind: owner.kind,
      owner_id: owner.id,
      name,
      kind,
      content_type: fileKindInfo[kind].contentType,
      size_bytes: upload.bytes.length,
      sha256: sha256(upload.bytes),
      internal: upload.internal ? 1 : 0,
      content: upload.bytes,
      created_by: actor.userId,
      created_at: new Date().toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'file.create',
      entityType: 'file',
      entityId: row.id,
      eventId,
      after: row,
    });
    const [stored] = await presentFiles(trx, [row]);
    return stored!;
  });
}

/** Removes a file of the owner the route names; audited with what was removed. */
export async function removeFile(
  db: Db,
  actor: Actor,
  eventId: number,
  target: OwnerTarget,
  fileId: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const owner = await resolveOwner(trx, eventId, target);
    const file = await findFile(trx, eventId, fileId);
    if (!file || file.owner_kind !== owner.kind || file.owner_id !== owner.id) {
      throw errors.notFound('Filen');
    }
    await deleteFile(trx, fileId);
    await recordAudit(trx, actor, {
      action: 'file.delete',
      entityType: 'file',
      entityId: fileId,
      eventId,
      before: file,
    });
  });
}

export interface FileContent {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * A file's bytes for those who may read its owner (an internal file only for staff roles),
 * refused when they no longer match the SHA-256 stored at upload.
 */
export async function fileContent(
  db: Db,
  eventId: number,
  fileId: number,
  grants: readonly EventGrant[],
): Promise<FileContent> {
  const file = await findFileWithContent(db, eventId, fileId);
  const visible =
    !!file &&
    (file.internal === 0 || isAllowed(grants, 'internal.read')) &&
    (await mayReadOwner(db, eventId, { kind: file.owner_kind, id: file.owner_id }, grants));
  if (!file || !visible) throw errors.notFound('Filen');
  const bytes = Buffer.from(file.content);
  if (sha256(bytes) !== file.sha256) {
    throw new AppError(
      'integrity_failed',
      'Filen kan inte visas: innehållet stämmer inte med kontrollsumman från uppladdningen och kan ha ändrats. Felet är loggat; kontakta systemförvaltningen.',
    );
  }
  return { name: file.name, contentType: file.content_type, bytes };
}
