import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { findSnapshotById, findSnapshotByNumber } from './repository.ts';
import { verifiedSnapshot } from './snapshot.ts';

export type PublishedFormat = 'html' | 'pdf' | 'docx' | 'md';

/** A published snapshot's identity and hash, without its (large) content: enough to answer a 304. */
export type PublishedSnapshot = NonNullable<Awaited<ReturnType<typeof findSnapshotByNumber>>>;

/** The published snapshot a page address means: a revision, or the newest one. */
export async function publishedSnapshot(
  db: Db,
  eventId: number,
  number: number,
  audience: 'public' | 'internal',
  revision?: number,
): Promise<PublishedSnapshot> {
  const row = await findSnapshotByNumber(db, eventId, number, audience, revision);
  if (!row) throw errors.notFound('Rapporten');
  return row;
}

/**
 * What the published page wraps around a snapshot changes the page's bytes but never the snapshot:
 * its ETag names this revision of the wrapper beside the snapshot's hash.
 */
export const PAGE_WRAPPER_REVISION = 2;

/** The same revision as PDF, Word and Markdown, at the addresses of the page's own audience. */
function downloadsOf(row: {
  event_id: number;
  number: number;
  revision: number;
  audience: string;
}) {
  const base = `/r/${row.event_id}/${row.number}${row.audience === 'internal' ? '/intern' : ''}`;
  const address = (file: string) => `${base}/${file}?version=${row.revision}`;
  return {
    pdf: address('rapport.pdf'),
    docx: address('rapport.docx'),
    markdown: address('rapport.md'),
  };
}

/**
 * A snapshot rendered in a format, after checking it against its hash. The renderers (echarts,
 * pdfmake, docx) load on first use, which keeps start-up fast.
 */
export async function renderedSnapshot(
  db: Db,
  snapshotId: number,
  format: PublishedFormat,
): Promise<Buffer> {
  const row = await findSnapshotById(db, snapshotId);
  if (!row) throw errors.notFound('Rapporten');
  const { renderDocx, renderHtml, renderMarkdown, renderPdf } =
    await import('../../render/index.ts');
  const snapshot = verifiedSnapshot(row);
  switch (format) {
    case 'html':
      return Buffer.from(
        renderHtml(snapshot, { contentHash: row.content_hash, downloads: downloadsOf(row) }).html,
      );
    case 'pdf':
      return renderPdf(snapshot);
    case 'docx':
      return renderDocx(snapshot);
    case 'md':
      return Buffer.from(renderMarkdown(snapshot));
  }
}
