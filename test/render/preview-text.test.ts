// The web app's preview reads authored text as the outputs do. In the editor's dialect a plain
// newline is a line break in the preview, HTML, PDF and Word alike; a heading of any level (1–6,
// also those the editor does not write) is a heading in all of them, placed below its section's
// heading (HTML and the preview: level + the section heading's level, at most h6).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gfmToHtml, markdownToTextBlocks } from '../../src/render/markdown-blocks.ts';
import { type MarkdownNode, markdownTree } from '../../src/web/pages/reports/markdown-tree.ts';

const STORED = [
  '# Rubrik ett',
  '',
  'Läget rad ett',
  'rad två med [1177](https://www.1177.se)',
  '',
  '#### Rubrik fyra',
  '',
  '3. Tredje steget',
  '4. Fjärde steget',
  '',
  '###### Rubrik sex',
].join('\n');

/** The preview's elements as the HTML they stand for. */
function asHtml(nodes: MarkdownNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      const attrs = Object.entries(node.attrs)
        .map(([name, value]) => ` ${name}="${value}"`)
        .join('');
      if (node.tag === 'br') return '<br>';
      return `<${node.tag}${attrs}>${asHtml(node.children)}</${node.tag}>`;
    })
    .join('');
}

describe('the preview reads stored text as the outputs do', () => {
  const sectionHeading = 2;
  const preview = markdownTree(STORED, { dialect: 'gfm', headingOffset: sectionHeading });
  const html = gfmToHtml(STORED, sectionHeading);

  it('shows the same elements as the published HTML', () => {
    assert.equal(asHtml(preview), html.replaceAll('\n', ''));
    assert.ok(html.includes('<p>Läget rad ett<br>\nrad två med'));
    assert.deepEqual(
      [...html.matchAll(/<(h\d)>/g)].map((match) => match[1]),
      ['h3', 'h6', 'h6'],
    );
  });

  it('gives PDF and Word the line break and every heading', () => {
    const blocks = markdownToTextBlocks(STORED, 'gfm');
    assert.deepEqual(
      blocks.map((block) => block.kind),
      ['heading', 'paragraph', 'heading', 'list', 'heading'],
    );
    const paragraph = blocks[1] as Extract<(typeof blocks)[number], { kind: 'paragraph' }>;
    assert.deepEqual(
      paragraph.lines.map((line) => line.map((run) => run.text).join('')),
      ['Läget rad ett', 'rad två med 1177'],
    );
  });

  it('keeps a newline in the report subset a space, as older snapshots print it', () => {
    const subset = markdownTree('rad ett\nrad två', { dialect: 'subset', headingOffset: 2 });
    assert.equal(asHtml(subset), '<p>rad ett\nrad två</p>');
    const blocks = markdownToTextBlocks('rad ett\nrad två', 'subset');
    assert.deepEqual(blocks, [{ kind: 'paragraph', lines: [[{ text: 'rad ett rad två' }]] }]);
  });
});
