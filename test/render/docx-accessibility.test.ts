// Issue 23: a Word report declares its language, and every table repeats its header row.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { renderDocx } from '../../src/render/docx.ts';
import { renderReviewDocx } from '../../src/render/review-docx.ts';
import { reportFixture } from './fixture.ts';
import { reviewFixture } from './review-fixture.ts';

async function partOf(docx: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return (await zip.file(part)?.async('string')) ?? '';
}

/** The language of the document's default run properties (styles.xml's docDefaults). */
function defaultLanguage(styles: string): string | undefined {
  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
  return /<w:lang w:val="([^"]+)"\/>/.exec(defaults)?.[1];
}

describe('accessible Word documents', () => {
  it('declares Swedish for a Swedish event and English for an English one', async () => {
    const swedish = reportFixture();
    const english = reportFixture();
    english.event.language = 'en';
    assert.equal(
      defaultLanguage(await partOf(await renderDocx(swedish), 'word/styles.xml')),
      'sv-SE',
    );
    assert.equal(
      defaultLanguage(await partOf(await renderDocx(english), 'word/styles.xml')),
      'en-GB',
    );
  });

  it('repeats the header row of every table on each page it continues on', async () => {
    const xml = await partOf(await renderDocx(reportFixture()), 'word/document.xml');
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const firstRows = tables.map((table) => /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)?.[0] ?? '');
    assert.equal(firstRows.length, 3);
    assert.ok(firstRows.every((row) => row.includes('<w:tblHeader/>')));
  });

  it('gives the after-action review its language', async () => {
    const docx = await renderReviewDocx(reviewFixture());
    assert.equal(defaultLanguage(await partOf(docx, 'word/styles.xml')), 'sv-SE');
  });
});
