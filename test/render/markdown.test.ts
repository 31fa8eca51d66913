import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { reportFixture } from './fixture.ts';

describe('Markdown report', () => {
  const snapshot = reportFixture();
  const markdown = renderMarkdown(snapshot, { contentHash: 'e3b0c442' });

  it('starts with the title and the compiled line', () => {
    assert.match(
      markdown,
      /^# Regional rapport vecka 45\n\nSammanställd: 2024-11-05 klockan 17:30\n/,
    );
  });

  it('has the section headings in order at their levels', () => {
    const headings = [...markdown.matchAll(/^(#{2,4}) (.*)$/gm)].map(([, hashes, title]) => [
      (hashes ?? '').length - 1,
      title,
    ]);
    assert.deepEqual(
      headings,
      snapshot.sections.map((section) => [section.level, section.title]),
    );
  });

  it('writes bullets, nested bullets, emphasis and links', () => {
    assert.match(markdown, /^- Södra Älvsborgs Sjukhus har \*hög beläggningsgrad\* och många/m);
    assert.match(markdown, /^ {2}- Stöd av systemkunniga personer/m);
    assert.match(markdown, /\*\*vård i rätt tid\*\*/);
    assert.match(markdown, /\[1177\.se\]\(https:\/\/www\.1177\.se\)/);
  });

  it('writes pipe tables with right-aligned number columns', () => {
    assert.match(
      markdown,
      /^\| Nyckeltal \| Södra Älvsborgs Sjukhus \| NU-sjukvården \| Skaraborgs Sjukhus \|\n\| --- \| ---: \| ---: \| ---: \|$/m,
    );
    assert.match(
      markdown,
      /^\| Beläggningsgrad \| 87 % \(\+3\) \| 92 % \(−1\) \| 95 % \(\+2\) \|$/m,
    );
  });

  it('writes notices as block quotes with a prefix', () => {
    assert.match(
      markdown,
      /^> \*\*Observera:\*\* Närhälsan har inte rapporterat för vecka 46; uppgifter från vecka 45$/m,
    );
  });

  it('ends with the content hash', () => {
    assert.match(markdown, /kontrollsumma \(SHA-256\): `e3b0c442`\n$/);
  });
});
