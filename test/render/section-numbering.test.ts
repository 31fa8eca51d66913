import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import type { ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { sectionLetter } from '../../src/render/common.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderEmail } from '../../src/render/email.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { reportFixture } from './fixture.ts';
import { htmlHeadings, pdfToText } from './helpers.ts';
import { newerReportFixture } from './newer-fixture.ts';

const LETTERED = [
  'A. Övergripande lägesbild och åtgärder',
  'A.1 Tillgång till vård',
  'A.2 Södra Älvsborgs Sjukhus lägesbild vecka 45',
  'A.3 Närhälsans lägesbild vecka 45',
  'B. Patientsäkerhet',
  'C. Beslut sedan förra rapporten',
  'D. Medarbetare och fackliga frågor',
  'E. Länkar',
];

function numbered(numbering: 'numbers' | 'letters', snapshot = reportFixture()): ReportSnapshot {
  snapshot.report.sectionNumbering = numbering;
  return snapshot;
}

async function wordParagraphs(snapshot: ReportSnapshot): Promise<string[]> {
  const zip = await JSZip.loadAsync(await renderDocx(snapshot));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner]) =>
    [...(inner ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe('numbered section headings', () => {
  it('in HTML: the main sections lettered A, B, C, what is under them A.1, also in the contents', () => {
    const html = renderHtml(numbered('letters')).html;
    assert.deepEqual(
      htmlHeadings(html)
        .slice(1)
        .map(([, text]) => text),
      LETTERED,
    );
    assert.ok(html.includes('>A.1 Tillgång till vård</a>'));
    assert.ok(
      html.includes(
        '<p class="toc-title">Innehåll</p>\n<ul>\n<li><a href="#avsnitt-1">A. Övergripande',
      ),
      'the contents do not number the lettered headings again',
    );
  });

  it('numbers in reading order, the lead summary first', () => {
    const html = renderHtml(numbered('numbers', newerReportFixture())).html;
    assert.deepEqual(htmlHeadings(html).slice(1, 5), [
      [2, '1. I korthet'],
      [2, '2. Läget i regionen'],
      [3, '2.1 Tillgång till vård'],
      [3, '2.2 Södra Älvsborgs Sjukhus lägesbild vecka 45'],
    ]);
  });

  it('in Markdown and in the e-mail', () => {
    const snapshot = numbered('letters');
    const markdown = renderMarkdown(snapshot);
    assert.deepEqual(
      markdown
        .split('\n')
        .filter((line) => /^#{2,} /.test(line))
        .map((line) => line.replace(/^#+ /, '')),
      LETTERED,
    );
    const email = renderEmail(snapshot);
    for (const heading of LETTERED) assert.ok(email.text.includes(`${heading}\n`), heading);
  });

  it('in PDF', async () => {
    const text = pdfToText(await renderPdf(numbered('letters'))).replace(/\s+/g, ' ');
    for (const heading of LETTERED) assert.ok(text.includes(heading), heading);
  });

  it('in Word', async () => {
    const paragraphs = await wordParagraphs(numbered('letters'));
    const headings = paragraphs.filter((text) => LETTERED.includes(text));
    assert.deepEqual(headings, LETTERED);
  });

  it('leaves a snapshot without numbering as it was', () => {
    const headings = htmlHeadings(renderHtml(reportFixture()).html).slice(1);
    assert.deepEqual(
      headings.map(([, text]) => text),
      LETTERED.map((heading) => heading.replace(/^[A-Z](\.\d)?\.? /, '')),
    );
  });
});

describe('sectionLetter', () => {
  it('goes on after Z with two letters', () => {
    assert.deepEqual([1, 2, 26, 27, 28, 52, 53].map(sectionLetter), [
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
    ]);
  });
});
