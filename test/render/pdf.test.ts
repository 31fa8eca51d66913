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
    assert.match(text, /Gul nivå 90 %/);
    assert.match(text, /v\. 45/);
  });
});
