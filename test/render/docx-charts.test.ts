// Issue 23: in Word a chart is an image with alternative text, followed by its values in a table
// with one decimal, as in the other outputs; and the same snapshot always gives the same bytes.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { Block, ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { reportFixture } from './fixture.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The fixture with one value of two decimals in its chart. */
function snapshotWithTwoDecimals(): ReportSnapshot {
  const snapshot = reportFixture();
  const chart = snapshot.sections
    .flatMap((section) => section.blocks)
    .find((block): block is Extract<Block, { type: 'chart' }> => block.type === 'chart')!.chart;
  chart.series[2]!.values[0] = 88.46;
  return snapshot;
}

/** The text of each cell of a WordprocessingML table, row by row. */
function tableCells(tableXml: string): string[][] {
  return [...tableXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) =>
      [...(cell ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
    ),
  );
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(` ${name}="([^"]*)"`).exec(element)?.[1];
}

describe('charts in the Word report', () => {
  const snapshot = snapshotWithTwoDecimals();
  let buffer: Buffer;
  let zip: JSZip;
  let xml: string;

  before(async () => {
    buffer = await renderDocx(snapshot);
    zip = await JSZip.loadAsync(buffer);
    xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  });

  it('draws the chart as an image whose alternative text says what it shows', () => {
    const drawings = xml.match(/<wp:docPr [^>]*>/g) ?? [];
    assert.equal(drawings.length, 1);
    const docPr = drawings[0]!;
    assert.equal(attribute(docPr, 'title'), 'Beläggningsgrad vecka 41–45');
    assert.equal(
      attribute(docPr, 'descr'),
      'Linjediagram över Beläggningsgrad vecka 41–45 (%) från v. 41 till v. 45. ' +
        'Linjer för Södra Älvsborgs Sjukhus, NU-sjukvården och Skaraborgs Sjukhus. ' +
        'Streckade linjer: Gräns för Påverkat 90 %, gräns för Allvarligt 95 %. Värdena står i tabellen under diagrammet.',
    );
    assert.doesNotMatch(xml, /Diagrammet visas här som tabell/);
  });

  it('follows the image with its values, one decimal as in the other outputs', () => {
    const afterImage = xml.slice(xml.indexOf('<wp:docPr '));
    const caption = afterImage.indexOf('Diagrammets värden');
    const table = afterImage.indexOf('<w:tbl>');
    assert.ok(caption > 0 && caption < table, 'the caption comes between the image and the table');
    const cells = tableCells(afterImage.slice(table, afterImage.indexOf('</w:tbl>')));
    assert.deepEqual(cells[0], [
      'Period',
      'Södra Älvsborgs Sjukhus',
      'NU-sjukvården',
      'Skaraborgs Sjukhus',
    ]);
    assert.deepEqual(cells[1], ['v. 41', '81', '90', '88,5']);
    assert.deepEqual(cells[3], ['v. 43', '84', '–', '92']);
    assert.match(afterImage.slice(table), /<w:tblHeader\/>/);
  });

  it('spaces body lines by a rule LibreOffice reads as Word does, so an image is not cut', async () => {
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    assert.match(styles, /<w:spacing w:after="120" w:line="276" w:lineRule="auto"\/>/);
  });

  it('embeds a valid PNG of the chart, sized to the text width', async () => {
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.match(media[0]!, /\.png$/);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(png.toString('ascii', 12, 16), 'IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(width, 1360);
    assert.ok(height >= 640, `height ${height}`);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    const emuPerPixel = 9525;
    assert.equal(Number(extent[1]) / emuPerPixel, 643);
    assert.ok(Math.abs(Number(extent[1]) / Number(extent[2]) - width / height) < 0.01);
  });

  it('gives the same bytes for the same snapshot, with the report’s own times', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const again = await renderDocx(structuredClone(snapshot));
    assert.ok(again.equals(buffer), 'two renders of one snapshot differ');
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    assert.match(core, /<dcterms:created [^>]*>2024-11-05T17:05:00Z<\/dcterms:created>/);
    assert.match(core, /<dcterms:modified [^>]*>2024-11-05T17:05:00Z<\/dcterms:modified>/);
  });

  it('keeps each hyperlink pointing at its own address', async () => {
    const relations = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const targets = new Map(
      [...relations.matchAll(/<Relationship Id="([^"]+)"[^>]* Target="([^"]+)"/g)].map(
        ([, id, target]) => [id!, target!],
      ),
    );
    const linked = [...xml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map(([, id]) =>
      targets.get(id!),
    );
    assert.deepEqual(linked, [
      'https://www.1177.se',
      'https://www.1177.se/vastra-gotaland/',
      'mailto:stab@example.se',
    ]);
  });
});
