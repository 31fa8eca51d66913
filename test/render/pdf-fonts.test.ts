import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterEach, describe, it, mock } from 'node:test';
import { renderPdf } from '../../src/render/pdf.ts';
import { shareFontFiles } from '../../src/render/pdf-fonts.ts';
import { DEJAVU_FILES, hasDejaVu } from '../../src/render/fonts.ts';
import { reportFixture } from './fixture.ts';

const dejaVuPaths = Object.values(DEJAVU_FILES);

/** The PDF's bytes with its creation instant (and the file id made from it) blanked out. */
function undated(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/<xmp:CreateDate>[^<]*</g, '<xmp:CreateDate><')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');
}

/** How many times a rendering reads DejaVu Sans (regular) from disk. */
async function fontReadsWhile(render: () => Promise<unknown>): Promise<number> {
  const readFileSync = mock.method(fs, 'readFileSync');
  try {
    await render();
    return readFileSync.mock.calls.filter((call) => call.arguments[0] === DEJAVU_FILES.normal)
      .length;
  } finally {
    readFileSync.mock.restore();
  }
}

describe('PDF fonts shared between documents', { skip: !hasDejaVu() }, () => {
  afterEach(() => shareFontFiles(dejaVuPaths));

  it('draws the same bytes as fonts opened per document, in the first and later renderings', async () => {
    const snapshot = reportFixture();
    shareFontFiles([]);
    const alone = undated(await renderPdf(snapshot));
    shareFontFiles(dejaVuPaths);
    const first = undated(await renderPdf(snapshot));
    const later = undated(await renderPdf(snapshot));
    assert.ok(alone.length > 10_000);
    assert.equal(first, alone);
    assert.equal(later, alone);
  });

  it('reads and parses a font file once, not once per document', async () => {
    const snapshot = reportFixture();
    shareFontFiles([]);
    // The fixture is laid out in two windows (pdf-breaks.ts), then drawn: three documents.
    const perDocument = await fontReadsWhile(() => renderPdf(snapshot));
    shareFontFiles(dejaVuPaths);
    const firstShared = await fontReadsWhile(() => renderPdf(snapshot));
    const laterShared = await fontReadsWhile(() => renderPdf(snapshot));
    assert.deepEqual([perDocument, firstShared, laterShared], [3, 1, 0]);
  });
});
