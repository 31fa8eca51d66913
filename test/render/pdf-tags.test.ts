import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ChartSpec, ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { chartDescription } from '../../src/render/chart-svg.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { renderReviewPdf } from '../../src/render/review-pdf.ts';
import { reportFixture } from './fixture.ts';
import { reviewFixture } from './review-fixture.ts';
import {
  type PdfStructElement,
  flattenStructure,
  pdfCatalogValue,
  pdfFigureAlternatives,
  pdfInfo,
  pdfStructure,
  structText,
} from './helpers.ts';

const CHART: ChartSpec = {
  title: 'Inlagda patienter vecka 1–3',
  unitOfMeasure: 'patienter',
  labels: ['v. 1', 'v. 2', 'v. 3'],
  series: [{ name: 'Östra sjukhuset', values: [12, 15, 11] }],
};

/** A report with one of each kind of block, and a table long enough to go over a page. */
function taggedSnapshot(): ReportSnapshot {
  const snapshot = reportFixture();
  snapshot.report.title = 'Lägesrapport om vårdplatser';
  snapshot.sections = [
    {
      key: 'laget',
      title: 'Läget i regionen',
      level: 1,
      kind: 'text',
      internal: false,
      blocks: [
        { type: 'markdown', gfm: true, markdown: '### Vårdplatser\n\nBeläggningen är hög.' },
        { type: 'bullets', items: ['Första punkten', 'Andra punkten'] },
      ],
    },
    {
      key: 'sjukhus',
      title: 'Sjukhusen',
      level: 2,
      kind: 'key_figures',
      internal: false,
      blocks: [
        {
          type: 'table',
          columns: [
            { label: 'Sjukhus', align: 'left' },
            { label: 'Lediga', align: 'right' },
          ],
          rows: Array.from({ length: 70 }, (_, index) => [`Sjukhus ${index + 1}`, `${index}`]),
        },
        { type: 'chart', chart: CHART },
      ],
    },
  ];
  return snapshot;
}

function elementsOf(tree: PdfStructElement[], role: string): PdfStructElement[] {
  return flattenStructure(tree).filter((element) => element.role === role);
}

describe('tagged PDF report', () => {
  let pdf: Buffer;
  let tree: PdfStructElement[];

  before(async () => {
    pdf = await renderPdf(taggedSnapshot());
    tree = pdfStructure(pdf);
  });

  it('is tagged, titled and in Swedish', () => {
    const info = pdfInfo(pdf);
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Title:\s+Lägesrapport om vårdplatser/);
    assert.match(info, /PDF version:\s+1\.7/);
    assert.equal(pdfCatalogValue(pdf, 'Lang'), 'sv-SE');
    assert.equal(pdfCatalogValue(pdf, 'DisplayDocTitle'), 'true');
  });

  it('declares English for an event in English', async () => {
    const snapshot = taggedSnapshot();
    snapshot.event.language = 'en';
    assert.equal(pdfCatalogValue(await renderPdf(snapshot), 'Lang'), 'en-GB');
  });

  it('has one Document with the headings at their levels in reading order', () => {
    assert.deepEqual(
      tree.map((element) => element.role),
      ['Document'],
    );
    const headings = flattenStructure(tree)
      .filter((element) => /^H[1-6]$/.test(element.role))
      .map((element) => `${element.role} ${structText(element)}`);
    assert.deepEqual(headings, [
      'H1 Lägesrapport om vårdplatser',
      'H2 Läget i regionen',
      'H3 Vårdplatser',
      'H3 Sjukhusen',
    ]);
  });

  it('tags a bullet list as a list of items', () => {
    const [list] = elementsOf(tree, 'L');
    assert.deepEqual(
      list?.children.map((item) => `${item.role}>${item.children[0]?.role}:${structText(item)}`),
      ['LI>LBody:Första punkten', 'LI>LBody:Andra punkten'],
    );
  });

  it('tags a table with column header cells, its header once however many pages it covers', () => {
    assert.match(pdfInfo(pdf), /Pages:\s+[2-9]/);
    const [table] = elementsOf(tree, 'Table');
    const rows = table!.children;
    assert.equal(rows.length, 71);
    assert.deepEqual(
      rows[0]!.children.map((cell) => [cell.role, structText(cell), cell.attributes.join()]),
      [
        ['TH', 'Sjukhus', '/Scope /Column'],
        ['TH', 'Lediga', '/Scope /Column'],
      ],
    );
    assert.deepEqual(
      rows.slice(1).map((row) => row.children.map((cell) => `${cell.role} ${structText(cell)}`)),
      Array.from({ length: 70 }, (_, index) => [`TD Sjukhus ${index + 1}`, `TD ${index}`]),
    );
  });

  it('makes a chart a figure with its description, followed by its values as a table', () => {
    assert.deepEqual(pdfFigureAlternatives(pdf), [chartDescription(CHART)]);
    const document = tree[0]!.children;
    const figure = document.findIndex((element) => element.role === 'Figure');
    const values = document[figure + 1]!;
    assert.equal(values.role, 'Table');
    assert.deepEqual(
      values.children.map((row) => row.children.map(structText)),
      [
        ['Period', 'Östra sjukhuset'],
        ['v. 1', '12'],
        ['v. 2', '15'],
        ['v. 3', '11'],
      ],
    );
  });

  it('places a figure on its page with a layout bounding box', () => {
    const [figure] = elementsOf(tree, 'Figure');
    assert.equal(figure!.attributes[0], '/Placement /Block');
    const box = /^\/BBox \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]$/.exec(figure!.attributes[1]!);
    const [left, bottom, right, top] = box!.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    assert.deepEqual([left, right], [56, 539.28]);
    assert.ok(bottom > 0 && top > bottom + 100 && top < 841.89, `${bottom} ${top}`);
  });

  it('makes each link a Link element in its text, holding the link text and its annotations', async () => {
    const pdf = await renderPdf(reportFixture());
    const elements = flattenStructure(pdfStructure(pdf));
    const paragraph = elements.find((element) => element.text.startsWith('Läs mer på'))!;
    // The paragraph's own text, around the link's (which the helper lists apart).
    assert.equal(paragraph.text, 'Läs mer på  eller i bilagan.');
    const [link] = paragraph.children;
    assert.equal(link!.role, 'Link');
    assert.equal(link!.text, '1177.se');
    assert.match(link!.children.map((child) => child.role).join(), /^Object \d+ 0$/);
    const annotations = pdf.toString('latin1').match(/\/Subtype \/Link/g) ?? [];
    const references = elements
      .filter((element) => element.role === 'Link')
      .flatMap((element) => element.children.filter((child) => child.role.startsWith('Object')));
    assert.equal(references.length, annotations.length);
  });

  it('makes each link an annotation of the text it sits in, its URL its contents', async () => {
    const raw = (await renderPdf(reportFixture())).toString('latin1');
    const links = raw.match(/<<\n\/Contents \([^)]*\)\n\/Subtype \/Link[\s\S]*?>>/g) ?? [];
    const all = raw.match(/\/Subtype \/Link/g) ?? [];
    assert.ok(links.length > 0);
    assert.equal(links.length, all.length);
    assert.ok(links.every((link) => /\/StructParent \d+/.test(link)));
    assert.match(links[0]!, /\/Contents \(https:\/\/www\.1177\.se\)/);
  });

  it('leaves the running header and footer out of the structure', () => {
    const text = structText(tree[0]!);
    assert.doesNotMatch(text, /Sida \d+ av/);
    assert.doesNotMatch(text, /Sammanställd: .*Sammanställd: /);
  });
});

describe('tagged PDF after-action review', () => {
  it('is tagged with its title, parts and lessons as headings, and tables with header cells', async () => {
    const pdf = await renderReviewPdf(reviewFixture());
    assert.match(pdfInfo(pdf), /Tagged:\s+yes/);
    assert.equal(pdfCatalogValue(pdf, 'Lang'), 'sv-SE');
    const tree = pdfStructure(pdf);
    const headings = flattenStructure(tree)
      .filter((element) => /^H[1-6]$/.test(element.role))
      .map((element) => element.role);
    assert.deepEqual(headings, ['H1', 'H2', 'H2', 'H2', 'H3']);
    const tables = elementsOf(tree, 'Table');
    assert.equal(tables.length, 3);
    for (const table of tables) {
      assert.ok(table.children[0]!.children.every((cell) => cell.role === 'TH'));
      assert.ok(
        table.children.slice(1).every((row) => row.children.every((cell) => cell.role === 'TD')),
      );
    }
    const timelineRow = tables[1]!.children[1]!.children.map(structText);
    assert.equal(timelineRow[2], 'Reservvatten till vårdcentralenTankbil på plats före lunch.');
  });
});
