import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { renderPdf } from '../../src/render/pdf.ts';
import { reportFixture } from './fixture.ts';
import { pdfInfo, pdfToText } from './helpers.ts';

describe('PDF report', () => {
  let text = '';
  let info = '';

  before(async () => {
    const exercise = reportFixture();
    exercise.event.isExercise = true;
    const pdf = await renderPdf(exercise, { contentHash: 'e3b0c44298fc1c149afbf4c8996fb924' });
    text = pdfToText(pdf);
    info = pdfInfo(pdf);
  });

  it('is A4 with the report title as document title', () => {
    assert.match(info, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    assert.match(info, /Title:\s+Regional rapport vecka 45/);
  });

  it('keeps Swedish letters in headings, text and tables', () => {
    assert.match(text, /Södra Älvsborgs Sjukhus lägesbild vecka 45/);
    assert.match(text, /beläggningsgrad/);
    assert.match(text, /Övergripande lägesbild och åtgärder/);
    assert.match(text, /INFÖRANDE AV NYTT VÅRDINFORMATIONSSYSTEM/);
    assert.match(text, /får vård i rätt tid/);
    assert.match(text, /87 % \(\+3\)/);
  });

  it('has the running header, the compiled line and page numbers', () => {
    assert.match(text, /Sammanställd: 2024-11-05 klockan 17:30/);
    assert.match(text, /Sida 1 av \d+/);
    assert.match(text, /ÖVNING/);
  });

  it('shows the notice with its prefix and the bullets', () => {
    assert.match(text, /OBSERVERA: Närhälsan har inte rapporterat för vecka 46/);
    assert.match(text, /Bedömningen är att förvaltningarna har tagit det ansvar som förväntas/);
  });

  it('draws the chart with its labels', () => {
    assert.match(text, /Gräns för Påverkat 90 %/);
    assert.match(text, /v\. 45/);
  });

  it('never ends a page with a heading: it goes over with its content', async () => {
    // However long the first section, the page break falls between regions, never after a title.
    for (const words of [20, 40, 60, 80, 100]) {
      const snapshot = reportFixture();
      snapshot.sections = [
        {
          key: 'organisationer',
          title: 'Läget per organisation',
          level: 1,
          kind: 'key_figures',
          internal: false,
          blocks: [{ type: 'markdown', markdown: 'ord '.repeat(words) }],
        },
        ...Array.from({ length: 8 }, (_, index) => ({
          key: `region-${index}`,
          title: `Region ${index}`,
          level: 2 as const,
          kind: 'key_figures' as const,
          internal: false,
          updatedAt: '2024-11-05T16:30:00Z',
          blocks: [
            { type: 'bullets' as const, items: ['Belagda: 1 platser', 'Lediga: 2 platser'] },
          ],
        })),
      ];
      const pages = pdfToText(await renderPdf(snapshot)).split('\f');
      const lastLines = pages.map((page) =>
        page
          .split('\n')
          .filter((line) => line.trim() !== '' && !/^Sida \d+ av \d+$/.test(line))
          .slice(-2),
      );
      for (const [index, last] of lastLines.entries()) {
        assert.ok(
          !last.some((line) => /^Region \d$/.test(line)),
          `${words} words: page ${index + 1} ends ${JSON.stringify(last)}`,
        );
      }
    }
  });

  it('never ends a page with a heading above a table, nor with a table header alone', async () => {
    // The table's header row and first row go over together, and the heading with them.
    for (const words of [60, 100, 140, 300]) {
      const snapshot = reportFixture();
      snapshot.sections = [
        {
          key: 'inledning',
          title: 'Inledning',
          level: 1,
          kind: 'text',
          internal: false,
          blocks: [{ type: 'markdown', markdown: 'ord '.repeat(words) }],
        },
        ...Array.from({ length: 8 }, (_, index) => ({
          key: `tabell-${index}`,
          title: `Tabell ${index}`,
          level: 2 as const,
          kind: 'text' as const,
          internal: false,
          blocks: [
            {
              type: 'table' as const,
              columns: [
                { label: 'Namn', align: 'left' as const },
                { label: 'Antal', align: 'right' as const },
              ],
              rows: [
                ['Första', '1'],
                ['Andra', '2'],
                ['Tredje', '3'],
              ],
            },
          ],
        })),
      ];
      const pages = pdfToText(await renderPdf(snapshot)).split('\f');
      const lastLines = pages.map((page) =>
        page
          .split('\n')
          .filter((line) => line.trim() !== '' && !/^Sida \d+ av \d+$/.test(line))
          .slice(-1),
      );
      for (const [index, last] of lastLines.entries()) {
        assert.ok(
          !last.some((line) => /^(Tabell \d|Namn|Antal)$/.test(line)),
          `${words} words: page ${index + 1} ends ${JSON.stringify(last)}`,
        );
      }
    }
  });
});
