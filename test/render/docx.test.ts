import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { renderDocx } from '../../src/render/docx.ts';
import { reportFixture } from './fixture.ts';
import { docxParagraphs as paragraphs } from './helpers.ts';

describe('Word report', () => {
  const snapshot = reportFixture();
  let zip: JSZip;
  let body: ReturnType<typeof paragraphs>;

  before(async () => {
    const buffer = await renderDocx(snapshot);
    assert.ok(Buffer.isBuffer(buffer));
    zip = await JSZip.loadAsync(buffer);
    body = paragraphs((await zip.file('word/document.xml')?.async('string')) ?? '');
  });

  it('has the title and the compiled line', () => {
    assert.deepEqual(
      body.find((paragraph) => paragraph.style === 'Title')?.text,
      snapshot.report.title,
    );
    assert.ok(
      body.some((paragraph) => paragraph.text === 'Sammanställd: 2024-11-05 klockan 17:30'),
    );
  });

  it('uses Heading1 and Heading2 styles for the sections, in order', () => {
    const headings = body
      .filter((paragraph) => /^Heading\d$/.test(paragraph.style))
      .map((paragraph) => [paragraph.style, paragraph.text]);
    assert.deepEqual(
      headings,
      snapshot.sections.map((section) => [`Heading${section.level}`, section.title]),
    );
  });

  it('makes bullets real numbered list paragraphs backed by a bullet numbering definition', async () => {
    const item = body.find((paragraph) =>
      paragraph.text.startsWith('Slutenvården är hårt belastad'),
    );
    assert.ok(item?.numbered);
    assert.equal(item?.style, 'ListParagraph');
    assert.ok(body.filter((paragraph) => paragraph.numbered).length >= 10);
    const numbering = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
    assert.match(numbering, /<w:numFmt w:val="bullet"\/>/);
  });

  it('has tables with repeating header rows', async () => {
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    assert.ok((xml.match(/<w:tbl>/g) ?? []).length >= 3);
    assert.match(xml, /<w:tblHeader\/>/);
    assert.match(xml, /87 % \(\+3\)/);
  });

  it('has the report title in the header and page numbers in the footer', async () => {
    const files = Object.keys(zip.files);
    const header = await zip
      .file(files.find((name) => /word\/header\d*\.xml/.test(name)) ?? '')
      ?.async('string');
    const footer = await zip
      .file(files.find((name) => /word\/footer\d*\.xml/.test(name)) ?? '')
      ?.async('string');
    assert.match(header ?? '', /Regional rapport vecka 45/);
    assert.match(footer ?? '', /Sida /);
    assert.match(footer ?? '', /NUMPAGES/);
  });
});
