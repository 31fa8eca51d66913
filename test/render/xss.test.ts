import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { renderDocx } from '../../src/render/docx.ts';
import { renderEmail } from '../../src/render/email.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { isAbsoluteUrl } from '../../src/render/markdown-text.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { hostileFixture } from './fixture.ts';
import { activeContentProblems } from './helpers.ts';

describe('hostile user text', () => {
  const snapshot = hostileFixture();

  it('cannot inject active content into the HTML page', () => {
    const { html } = renderHtml(snapshot, { contentHash: '"><script>alert(1)</script>' });
    assert.doesNotMatch(html, /<script|<iframe|<img/i);
    assert.deepEqual(activeContentProblems(html), []);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('cannot inject active content into the e-mail', () => {
    const email = renderEmail(snapshot, { reportUrl: 'javascript:alert(1)' });
    assert.deepEqual(activeContentProblems(email.html), []);
    assert.doesNotMatch(email.html, /<script/i);
    assert.doesNotMatch(email.text, /Läs rapporten på webben/);
    assert.doesNotMatch(email.subject, /[\r\n]/);
  });

  it('cannot inject active content into Markdown, even for a renderer that allows raw HTML', () => {
    const markdown = renderMarkdown(snapshot);
    assert.doesNotMatch(markdown, /<script|<img|(?<!\\)\]\((javascript|data|vbscript):/i);
    const permissive = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    assert.deepEqual(activeContentProblems(permissive), []);
  });

  it('cannot put a dangerous link into the PDF', async () => {
    const pdf = (await renderPdf(snapshot)).toString('latin1');
    assert.doesNotMatch(pdf, /\/S\s*\/JavaScript|\/JS\s*[(<]|\/Launch/);
    const uris = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map(([, uri]) => uri ?? '');
    assert.ok(uris.length > 0, 'the fixture has safe links that should survive');
    for (const uri of uris) {
      assert.ok(isAbsoluteUrl(uri), uri);
    }
  });

  it('cannot put a dangerous link into the Word document', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(snapshot));
    const relationships = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    assert.match(relationships, /Target="https:\/\/www\.1177\.se"/);
    assert.doesNotMatch(relationships, /Target="\s*(javascript|data|vbscript):/i);
  });
});
