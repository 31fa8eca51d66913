import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartSpec } from '../../src/core/report-snapshot.ts';
import { chartToTable, renderChartSvg } from '../../src/render/chart-svg.ts';

const chart: ChartSpec = {
  title: 'Beläggningsgrad',
  unitOfMeasure: '%',
  labels: ['v. 44', 'v. 45', 'v. 46'],
  series: [
    { name: 'Södra Älvsborgs Sjukhus', values: [84, 87.5, null] },
    { name: 'NU-sjukvården', values: [1210.25, 93, 92] },
  ],
  thresholds: { yellow: 90, red: 95 },
};

describe('chart SVG', () => {
  const svg = renderChartSvg(chart, { idPrefix: 'diagram-1' });

  it('is a static, accessible SVG with one line per unit', () => {
    assert.match(svg, /^<svg role="img" aria-label="Beläggningsgrad"/);
    assert.match(svg, /<title>Beläggningsgrad<\/title>/);
    assert.match(svg, /Södra Älvsborgs Sjukhus/);
    assert.match(svg, /NU-sjukvården/);
  });

  it('draws dashed, labelled threshold lines', () => {
    assert.match(svg, /stroke-dasharray/);
    assert.match(svg, /Gräns för Påverkat 90 %/);
    assert.match(svg, /Gräns för Allvarligt 95 %/);
  });

  it('works under a strict CSP: no style element, style attribute or script', () => {
    assert.doesNotMatch(svg, /<style|style="|<script/);
  });

  it('prefixes its internal ids so that several charts fit on one page', () => {
    assert.match(svg, /id="diagram-1-c0"/);
    assert.doesNotMatch(svg, /zr\d+-/);
  });

  it('formats numbers the Swedish way', () => {
    assert.match(svg, />1\u00a0200</);
    const { rows } = chartToTable(chart);
    assert.deepEqual(rows[0], ['v. 44', '84', '1\u00a0210,3']);
    assert.deepEqual(rows[2], ['v. 46', '–', '92']);
  });

  it('writes its table with the decimals its block chose', () => {
    const { rows } = chartToTable({ ...chart, decimals: 2 });
    assert.deepEqual(rows[0], ['v. 44', '84,00', '1\u00a0210,25']);
    assert.deepEqual(rows[2], ['v. 46', '–', '92,00']);
  });
});

describe('chart SVG cache', () => {
  it('serves the same chart again with the same SVG', () => {
    const first = renderChartSvg(chart, { idPrefix: 'cache-1' });
    assert.equal(renderChartSvg(structuredClone(chart), { idPrefix: 'cache-1' }), first);
  });

  it('renders anew when a value, the size or the id prefix differs', () => {
    const first = renderChartSvg(chart, { idPrefix: 'cache-2' });
    const changed: ChartSpec = {
      ...chart,
      series: [{ name: 'Södra Älvsborgs Sjukhus', values: [84, 87.5, 77] }, chart.series[1]!],
    };
    assert.notEqual(renderChartSvg(changed, { idPrefix: 'cache-2' }), first);
    assert.match(renderChartSvg(chart, { idPrefix: 'cache-3' }), /id="cache-3-c0"/);
    assert.match(renderChartSvg(chart, { idPrefix: 'cache-2', width: 400 }), /width="400"/);
  });
});
