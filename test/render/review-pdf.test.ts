import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReviewPdf } from '../../src/render/review-pdf.ts';
import { pdfToText } from './helpers.ts';
import { reviewFixture } from './review-fixture.ts';

describe('PDF after-action review', () => {
  it('never ends a page with a lesson heading: it goes over with its table', async () => {
    // However long the timeline before them, a page break falls between lessons, never after a title.
    for (const entries of [10, 14, 18, 22, 26]) {
      const review = reviewFixture();
      const [entry] = review.timeline;
      review.timeline = Array.from({ length: entries }, () => ({ ...entry! }));
      review.lessons = Array.from({ length: 12 }, () => ({ ...review.lessons[0]! }));
      const pages = pdfToText(await renderReviewPdf(review)).split('\f');
      const lastLines = pages.map((page) =>
        page
          .split('\n')
          .filter((line) => line.trim() !== '' && !/^Sida \d+ av \d+$/.test(line))
          .slice(-1),
      );
      for (const [index, last] of lastLines.entries()) {
        assert.ok(
          !last.some((line) => /^Lärdom \d+$/.test(line)),
          `${entries} entries: page ${index + 1} ends ${JSON.stringify(last)}`,
        );
      }
    }
  });
});
