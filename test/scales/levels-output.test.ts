import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { contrastRatio, minimumContrast, textColourOn } from '../../src/core/contrast.ts';
import type { Block, ReportSnapshot } from '../../src/core/report-snapshot.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { renderPlainText } from '../../src/render/plain-text.ts';
import { reportFixture } from '../render/fixture.ts';

const levels: Block = {
  type: 'levels',
  items: [
    { label: 'Samlat läge', level: { name: 'Svart', colour: '#0b0c0c', symbol: '✕' } },
    { label: 'Prognos', level: { name: 'Oförändrad', colour: '#505a5f', symbol: '→' } },
    { label: 'Medarbetare', level: { name: 'Gul', colour: '#ffdd00', symbol: '▲' } },
  ],
};

function snapshotWithLevels(): ReportSnapshot {
  const snapshot = reportFixture();
  snapshot.sections[0]!.blocks = [levels];
  return snapshot;
}

describe('the text colour on a level colour', () => {
  it('picks black or white by contrast', () => {
    assert.deepEqual(
      ['#ffdd00', '#d4351c', '#00703c', '#b1b4b6', '#0b0c0c', '#ffffff', '#777777'].map(
        textColourOn,
      ),
      ['#000000', '#ffffff', '#ffffff', '#000000', '#ffffff', '#000000', '#000000'],
    );
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
    assert.equal(contrastRatio('#d4351c', '#ffffff').toFixed(2), '4.86');
  });

  it('reaches WCAG AA on every colour of a 16-step grid', () => {
    const steps = Array.from({ length: 16 }, (_, index) =>
      (index * 17).toString(16).padStart(2, '0'),
    );
    let weakest = Infinity;
    for (const red of steps)
      for (const green of steps)
        for (const blue of steps) {
          const colour = `#${red}${green}${blue}`;
          weakest = Math.min(weakest, contrastRatio(colour, textColourOn(colour)));
        }
    assert.ok(weakest >= minimumContrast, `weakest contrast ${weakest}`);
  });
});

describe("a report's levels in every output", () => {
  it('writes symbol and name after the label in Markdown and plain text', () => {
    const line = 'Samlat läge: ✕ Svart · Prognos: → Oförändrad · Medarbetare: ▲ Gul';
    assert.ok(renderMarkdown(snapshotWithLevels()).includes(`\n${line}\n`));
    assert.ok(renderPlainText(snapshotWithLevels()).includes(`\n${line}\n`));
  });

  it('shows a swatch of the colour beside symbol and name in HTML', () => {
    const { html } = renderHtml(snapshotWithLevels());
    assert.ok(
      html.includes(
        '<li>Samlat läge: <svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="9" height="9" fill="#0b0c0c" stroke="#0b0c0c"/></svg> <strong>✕ Svart</strong></li>',
      ),
    );
    assert.ok(html.includes('fill="#ffdd00" stroke="#0b0c0c"/></svg> <strong>▲ Gul</strong></li>'));
  });

  it('puts the symbol on the colour, in readable text, and the name beside it in Word', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(snapshotWithLevels()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((match) => ({
      text: /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(match[1]!)?.[1] ?? '',
      fill: /w:fill="([0-9A-F]{6})"/.exec(match[1]!)?.[1] ?? null,
      colour: /<w:color w:val="([0-9A-F]{6})"/.exec(match[1]!)?.[1] ?? null,
    }));
    const start = runs.findIndex((run) => run.text === 'Samlat läge: ');
    assert.deepEqual(runs.slice(start, start + 6), [
      { text: 'Samlat läge: ', fill: null, colour: null },
      { text: '\u00a0✕\u00a0', fill: '0B0C0C', colour: 'FFFFFF' },
      { text: ' Svart', fill: null, colour: null },
      { text: '   Prognos: ', fill: null, colour: null },
      { text: '\u00a0→\u00a0', fill: '505A5F', colour: 'FFFFFF' },
      { text: ' Oförändrad', fill: null, colour: null },
    ]);
  });

  it('renders a PDF with the levels', async () => {
    const pdf = await renderPdf(snapshotWithLevels());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  });
});
