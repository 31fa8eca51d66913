import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { renderPlainText } from '../../src/render/plain-text.ts';
import { pdfToText } from './helpers.ts';
import { FORMATTED_TEXT, newerReportFixture } from './newer-fixture.ts';

const WIDE_HEADERS = [
  'Enhet',
  'Beläggningsgrad',
  'Överbeläggningar',
  'Utskrivningsklara',
  'Ambulansdirigering',
  'Personalbemanning',
  'Vårdplatsläget',
];

/** A table whose header words are together wider than the page at the usual size. */
function wideTableSnapshot(): ReportSnapshot {
  const snapshot = newerReportFixture();
  const header = `| ${WIDE_HEADERS.join(' | ')} |`;
  const rule = `|${WIDE_HEADERS.map(() => ' --- ').join('|')}|`;
  const row = `| NÄL |${WIDE_HEADERS.slice(1)
    .map(() => ' 12 ')
    .join('|')}|`;
  snapshot.sections = [
    {
      key: 'wide',
      title: 'Bred tabell',
      level: 1,
      kind: 'text',
      internal: false,
      blocks: [{ type: 'markdown', markdown: [header, rule, row].join('\n'), gfm: true }],
    },
  ];
  return snapshot;
}

describe('authored text keeps its form', () => {
  const snapshot = newerReportFixture();

  it('in HTML: a line break, a numbered list from 3, nested bullets, a table, a link', () => {
    const html = renderHtml(snapshot).html;
    assert.ok(
      html.includes(
        '<p>Läget rad ett<br>\nrad två med <a href="https://www.1177.se" rel="noopener">1177</a></p>',
      ),
    );
    assert.ok(
      html.includes('<ol start="3">\n<li>Tredje steget</li>\n<li>Fjärde steget</li>\n</ol>'),
    );
    assert.ok(
      html.includes('<ul>\n<li>Övergripande\n<ul>\n<li>Nästlad punkt</li>\n</ul>\n</li>\n</ul>'),
    );
    assert.ok(
      html.includes(
        '<div class="table-wrap">\n<table>\n<thead>\n<tr>\n<th scope="col">Enhet</th>\n' +
          '<th scope="col" class="num">Beläggningsgrad</th>\n<th scope="col" class="num">Vårdplatser</th>\n' +
          '</tr>\n</thead>\n<tbody>\n<tr>\n<td>NÄL</td>\n<td class="num">87 %</td>\n<td class="num">120</td>\n</tr>',
      ),
    );
    assert.equal(html.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr>/g)?.length, 3);
  });

  it('in Markdown and plain text', () => {
    // The text as it was written, its line break now a hard one ("\" at the end of the line).
    assert.ok(
      renderMarkdown(snapshot).includes(
        FORMATTED_TEXT.replace('Läget rad ett\n', 'Läget rad ett\\\n'),
      ),
    );
    assert.ok(
      renderPlainText(snapshot).includes(
        [
          'Läget rad ett',
          'rad två med 1177 (https://www.1177.se)',
          '',
          '3. Tredje steget',
          '4. Fjärde steget',
          '',
          '- Övergripande',
          '  - Nästlad punkt',
          '',
          'Enhet      Beläggningsgrad  Vårdplatser',
          '---------  ---------------  -----------',
          'NÄL                   87 %          120',
        ].join('\n'),
      ),
    );
  });

  describe('in Word', () => {
    let document = '';
    let numbering = '';

    before(async () => {
      const zip = await JSZip.loadAsync(await renderDocx(snapshot));
      document = (await zip.file('word/document.xml')?.async('string')) ?? '';
      numbering = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
    });

    it('breaks the line inside the paragraph and links', () => {
      assert.match(
        document,
        /<w:t xml:space="preserve">Läget rad ett<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve"><\/w:t><\/w:r><w:r><w:t xml:space="preserve">rad två med <\/w:t><\/w:r><w:hyperlink [^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">1177<\/w:t>/,
      );
    });

    it('numbers the list from 3 with a decimal numbering of its own', () => {
      const item =
        /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>(?:(?!<\/w:p>).)*Tredje steget/.exec(
          document,
        );
      assert.ok(item, 'the first item is numbered');
      const numId = item[1];
      const fourth = new RegExp(
        `<w:numId w:val="${numId}"/></w:numPr>(?:(?!</w:p>).)*Fjärde steget`,
      );
      assert.match(document, fourth);
      const num = new RegExp(
        `<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>`,
      ).exec(numbering);
      assert.ok(num, 'the list starts at 3');
      const abstract = new RegExp(
        `<w:abstractNum w:abstractNumId="${num[1]}"[^>]*>(?:(?!</w:abstractNum>).)*?<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>`,
      );
      assert.match(numbering, abstract);
    });

    it('nests the bullet one level in', () => {
      assert.match(
        document,
        /<w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>(?:(?!<\/w:p>).)*Övergripande/,
      );
      assert.match(
        document,
        /<w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>(?:(?!<\/w:p>).)*Nästlad punkt/,
      );
    });

    it('writes the table as a Word table whose header row repeats', () => {
      const table = /<w:tbl>(?:(?!<\/w:tbl>).)*Skaraborg(?:(?!<\/w:tbl>).)*<\/w:tbl>/.exec(
        document,
      )?.[0];
      assert.ok(table, 'a Word table holds the rows');
      const rows = [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((row) => row[1] ?? '');
      assert.equal(rows.length, 4);
      assert.ok(rows[0]?.includes('<w:tblHeader/>'));
      assert.ok(rows.slice(1).every((row) => !row.includes('<w:tblHeader/>')));
      const cells = (row: string) =>
        [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((cell) =>
          [...(cell[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        );
      assert.deepEqual(cells(rows[0] ?? ''), ['Enhet', 'Beläggningsgrad', 'Vårdplatser']);
      assert.deepEqual(cells(rows[3] ?? ''), ['Skaraborg', '78 %', '95']);
    });
  });

  describe('in PDF', () => {
    let text = '';

    before(async () => {
      text = pdfToText(await renderPdf(snapshot));
    });

    it('breaks the line, numbers from 3 and keeps the bullets and table cells', () => {
      assert.ok(text.includes('Läget rad ett\nrad två med 1177\n'));
      assert.ok(text.includes('3. Tredje steget\n4. Fjärde steget\n'));
      assert.ok(text.includes('Övergripande\nNästlad punkt\n'));
      for (const cell of ['Enhet', 'Beläggningsgrad', 'Vårdplatser', 'Skaraborg', '78 %']) {
        assert.ok(text.includes(cell), cell);
      }
    });

    it('never breaks a table header inside a word, even when the columns are narrow', async () => {
      const wide = pdfToText(await renderPdf(wideTableSnapshot()));
      const words = wide.split(/\s+/);
      for (const header of WIDE_HEADERS) {
        assert.ok(words.includes(header), `${header} is whole`);
      }
    });
  });
});
