import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inlineMarkdownToHtml,
  isSafeUrl,
  markdownToHtml,
  markdownToPlainText,
  markdownToRichBlocks,
} from '../../src/render/markdown-text.ts';

describe('the report Markdown subset', () => {
  it('renders paragraphs, bullet lists, emphasis and links as HTML', () => {
    const html = markdownToHtml(
      'Läget är **ansträngt** och *oklart*.\n\n- ett\n- två [1177](https://www.1177.se)',
    );
    assert.match(html, /<p>Läget är <strong>ansträngt<\/strong> och <em>oklart<\/em>\.<\/p>/);
    assert.match(
      html,
      /<ul>\n<li>ett<\/li>\n<li>två <a href="https:\/\/www\.1177\.se" rel="noopener">1177<\/a><\/li>/,
    );
  });

  it('escapes raw HTML and leaves headings, code blocks and images as text', () => {
    const html = markdownToHtml('<b>fet</b>\n\n# Rubrik\n\n![bild](https://example.se/x.png)');
    assert.match(html, /&lt;b&gt;fet&lt;\/b&gt;/);
    assert.doesNotMatch(html, /<h1|<img/);
  });

  it('keeps only http(s), mailto, relative and anchor links', () => {
    const links = [
      'https://a.se',
      'http://a.se',
      'mailto:a@b.se',
      '/rapporter/12',
      '#bilaga',
      'bilaga.pdf',
    ];
    const unsafe = [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      'java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example',
    ];
    assert.deepEqual(
      links.map(isSafeUrl),
      links.map(() => true),
    );
    assert.deepEqual(
      unsafe.map(isSafeUrl),
      unsafe.map(() => false),
    );
    for (const url of unsafe) {
      assert.doesNotMatch(markdownToHtml(`[x](${url})`), /<a /, url);
    }
  });

  it('gives inline runs per paragraph and list item, with nesting levels', () => {
    const blocks = markdownToRichBlocks(
      'Inledning med **fet** text.\n\n- punkt med [länk](https://a.se)\n  - under',
    );
    assert.deepEqual(blocks, [
      {
        kind: 'paragraph',
        runs: [{ text: 'Inledning med ' }, { text: 'fet', bold: true }, { text: ' text.' }],
      },
      {
        kind: 'bullet',
        level: 0,
        runs: [{ text: 'punkt med ' }, { text: 'länk', link: 'https://a.se' }],
      },
      { kind: 'bullet', level: 1, runs: [{ text: 'under' }] },
    ]);
  });

  it('gives readable plain text', () => {
    const text = markdownToPlainText('Se **1177**.\n\n- ett\n- [två](https://a.se)');
    assert.equal(text, 'Se 1177.\n\n- ett\n- två (https://a.se)');
  });

  it('renders one line of inline Markdown without a paragraph', () => {
    assert.equal(inlineMarkdownToHtml('*hej* <i>'), '<em>hej</em> &lt;i&gt;');
  });
});
