import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORT_CSS_PATH, renderHtml } from '../../src/render/html.ts';
import { reportFixture } from './fixture.ts';
import { activeContentProblems, htmlHeadings } from './helpers.ts';

describe('HTML report page', () => {
  const snapshot = reportFixture();
  const { html, css } = renderHtml(snapshot, { contentHash: 'e3b0c44298fc1c149afbf4c8996fb924' });

  it('is a Swedish HTML5 page with one h1 and section headings in snapshot order', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="sv">/);
    const headings = htmlHeadings(html);
    assert.deepEqual(headings[0], [1, 'Regional rapport vecka 45']);
    assert.equal(headings.filter(([level]) => level === 1).length, 1);
    assert.deepEqual(
      headings.slice(1),
      snapshot.sections.map((section) => [section.level + 1, section.title]),
    );
  });

  it('shows the compiled line in Stockholm time', () => {
    assert.match(html, /<p class="compiled">Sammanställd: 2024-11-05 klockan 17:30<\/p>/);
  });

  it('shows the compiled line correctly in summer time and in winter time', () => {
    const summer = reportFixture();
    summer.report.compiledAt = '2024-07-02T10:15:00Z';
    assert.match(renderHtml(summer).html, /Sammanställd: 2024-07-02 klockan 12:15/);
    const winter = reportFixture();
    winter.report.compiledAt = '2024-11-05T22:45:00Z';
    assert.match(renderHtml(winter).html, /Sammanställd: 2024-11-05 klockan 23:45/);
  });

  it('has no script and no active content', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.deepEqual(activeContentProblems(html), []);
  });

  it('links its stylesheet and returns the CSS to serve, with no external resources', () => {
    assert.match(html, new RegExp(`<link rel="stylesheet" href="${REPORT_CSS_PATH}">`));
    assert.doesNotMatch(html, /<style/);
    assert.match(css, /@media print/);
    assert.match(css, /size: A4/);
    assert.doesNotMatch(html, /src="https?:|@import|url\((?!#)/);
    assert.doesNotMatch(css, /url\(|@import/);
  });

  it('can inline the CSS, e.g. for e-mail', () => {
    const inline = renderHtml(snapshot, { stylesheet: 'inline' }).html;
    assert.match(inline, /<style>\n:root/);
    assert.doesNotMatch(inline, /<link rel="stylesheet"/);
  });

  it('marks up tables with header scopes and right-aligned numbers', () => {
    assert.match(html, /<caption>Nyckeltal vecka 45<\/caption>/);
    assert.match(html, /<th scope="col" class="num">Södra Älvsborgs Sjukhus<\/th>/);
    assert.match(html, /<th scope="row">Beläggningsgrad<\/th><td class="num">87 % \(\+3\)<\/td>/);
  });

  it('shows notices with a text prefix, not only a colour', () => {
    assert.match(
      html,
      /<div class="notice" role="note"><p><strong class="notice-prefix">Observera:<\/strong> Närhälsan har inte rapporterat för vecka 46; uppgifter från vecka 45<\/p><\/div>/,
    );
  });

  it('embeds the chart as SVG with its values as a table', () => {
    assert.match(html, /<figure class="chart">\n<figcaption>Beläggningsgrad vecka 41–45/);
    assert.match(html, /<svg role="img" aria-label="Beläggningsgrad vecka 41–45"/);
    const table = html.slice(html.indexOf('<details class="chart-data">'));
    const rows = [...table.slice(0, table.indexOf('</details>')).matchAll(/<tr>(.*?)<\/tr>/g)].map(
      ([, row]) => [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) => cell),
    );
    assert.deepEqual(rows, [
      ['Period', 'Södra Älvsborgs Sjukhus', 'NU-sjukvården', 'Skaraborgs Sjukhus'],
      ['v. 41', '81', '90', '88,5'],
      ['v. 42', '83', '91', '90'],
      ['v. 43', '84', '–', '92'],
      ['v. 44', '84', '93', '93'],
      ['v. 45', '87', '92', '95'],
    ]);
  });

  it('marks the internal version and its internal sections', () => {
    assert.match(html, /<strong>Intern version<\/strong>/);
    assert.match(html, /<p class="internal-flag"><strong>Intern<\/strong>/);
  });

  it('shows the content hash in the footer', () => {
    assert.match(
      html,
      /<footer class="report-footer">[\s\S]*e3b0c44298fc1c149afbf4c8996fb924[\s\S]*<\/footer>/,
    );
  });

  it('shows an exercise banner only for exercises', () => {
    assert.doesNotMatch(html, /ÖVNING/);
    const exercise = reportFixture();
    exercise.event.isExercise = true;
    assert.match(
      renderHtml(exercise).html,
      /<p class="exercise-banner" role="note"><strong>ÖVNING<\/strong>/,
    );
  });

  it('leaves internal sections and the internal marker out of a public version', () => {
    const publicSnapshot = reportFixture();
    publicSnapshot.report.audience = 'public';
    const publicHtml = renderHtml(publicSnapshot).html;
    assert.doesNotMatch(publicHtml, /Intern version|Medarbetare och fackliga frågor/);
  });
});
