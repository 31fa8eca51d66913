import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pdfMake from 'pdfmake';
import type { Content } from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontFamily } from '../../src/render/pdf.ts';
import { findPageBreaks } from '../../src/render/pdf-breaks.ts';
import { RUNNING, headingKeptWithContent } from '../../src/render/pdf-style.ts';

const rule = headingKeptWithContent();

function heading(index: number): Content {
  return {
    text: `Avsnitt ${index}`,
    id: `avsnitt-${index}`,
    headlineLevel: 1,
    fontSize: 16,
    margin: [0, 12, 0, 4],
  };
}

/** Sections whose bodies have different lengths, so that headings fall at pages' feet. */
function document(): TDocumentDefinitions {
  const content: Content[] = [];
  for (let index = 1; index <= 60; index += 1) {
    content.push(heading(index));
    const lines = ((index * 5) % 17) + 2;
    for (let line = 0; line < lines; line += 1) {
      content.push({ text: `Rad ${line} av ${index}`, fontSize: 40 });
    }
  }
  return { content, defaultStyle: { font: fontFamily }, pageBreakBefore: rule };
}

/** The headings pdfmake's own loop sends to the next page (it marks them on the nodes). */
async function breaksOfPdfmakesLoop(): Promise<string[]> {
  const definition = document();
  await pdfMake.createPdf(definition).getBuffer();
  return (definition.content as { id?: string; pageBreak?: string }[])
    .filter((node) => node.pageBreak === 'before')
    .map((node) => node.id!);
}

describe('page breaks before headings, found window by window', () => {
  it('are the ones pdfmake finds by laying the whole document out again for each', async () => {
    const expected = await breaksOfPdfmakesLoop();
    assert.ok(expected.length >= 5, `only ${expected.length} breaks: the test proves little`);
    assert.deepEqual(await findPageBreaks(document, rule, { style: RUNNING }), expected);
  });

  it('are none when every heading has company on its page', async () => {
    const short = (): TDocumentDefinitions => ({
      content: [heading(1), { text: 'Rad 1' }],
      defaultStyle: { font: fontFamily },
    });
    assert.deepEqual(await findPageBreaks(short, rule, { style: RUNNING }), []);
  });
});
