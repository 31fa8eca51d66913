import type { FileKind } from '../../contract/files.ts';

/** What each kind of file is served as, and the name endings it may carry. */
export const fileKindInfo: Record<
  FileKind,
  { contentType: string; extensions: string[]; label: string }
> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'en PDF-fil' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'en PNG-bild' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'en JPEG-bild' },
  gif: { contentType: 'image/gif', extensions: ['gif'], label: 'en GIF-bild' },
  webp: { contentType: 'image/webp', extensions: ['webp'], label: 'en WebP-bild' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'ett Word-dokument (docx)',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'en Excel-fil (xlsx)',
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'en PowerPoint-fil (pptx)',
  },
  doc: { contentType: 'application/msword', extensions: ['doc'], label: 'ett Word-dokument (doc)' },
  xls: {
    contentType: 'application/vnd.ms-excel',
    extensions: ['xls'],
    label: 'en Excel-fil (xls)',
  },
  ppt: {
    contentType: 'application/vnd.ms-powerpoint',
    extensions: ['ppt'],
    label: 'en PowerPoint-fil (ppt)',
  },
  text: {
    contentType: 'text/plain; charset=utf-8',
    extensions: ['txt', 'csv', 'md', 'log'],
    label: 'vanlig text',
  },
};

function startsWith(bytes: Buffer, signature: number[] | string, at = 0): boolean {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : signature;
  if (bytes.length < at + expected.length) return false;
  for (let index = 0; index < expected.length; index += 1) {
    if (bytes[at + index] !== expected[index]) return false;
  }
  return true;
}

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

/** The kind of file the bytes are, or null when Lägesbild does not keep that kind. */
export function sniffFileKind(bytes: Buffer): FileKind | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, zipSignature)) return officeOpenXmlKind(zipEntryNames(bytes));
  if (startsWith(bytes, oleSignature)) return legacyOfficeKind(bytes);
  return isPlainText(bytes) ? 'text' : null;
}

/** An Office Open XML package: a zip with [Content_Types].xml and its main part's folder. */
function officeOpenXmlKind(names: string[] | null): FileKind | null {
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;

/** The entry names of a zip archive from its central directory; null when it is not readable. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== directoryEntry) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment. */
function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === endOfDirectory) return offset;
  }
  return -1;
}

/** A compound file (Word 97–2003 and its kin) is told apart by the name of its main stream. */
function legacyOfficeKind(bytes: Buffer): FileKind | null {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Tab, line feed, form feed and carriage return: the only control bytes text holds. */
const textControls = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** Valid UTF-8 with no NUL nor other control byte than those of text. */
function isPlainText(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if ((byte < 0x20 && !textControls.has(byte)) || byte === 0x7f) return false;
  }
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The ending of a file name in lower case, or null when it has none. */
export function extensionOf(name: string): string | null {
  const match = /\.([^.]+)$/.exec(name);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A name fit to show and to send back in a header: no folders, no control or direction-changing
 * characters, spaces collapsed.
 */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    base
      .replace(/\s+/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .trim()
  );
}
