import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartSpec } from '../../src/core/report-snapshot.ts';
import { drawPng, renderChartPng } from '../../src/render/chart-png.ts';
import { renderChartSvg } from '../../src/render/chart-svg.ts';

const chart: ChartSpec = {
  title: 'Inlagda',
  unitOfMeasure: 'patienter',
  labels: ['v. 44', 'v. 45', 'v. 46'],
  series: [
    { name: 'Södra Älvsborgs Sjukhus', values: [84, 87, null] },
    { name: 'NU-sjukvården', values: [121, 93, 92] },
  ],
  thresholds: { yellow: 100 },
};

describe('chart PNG', () => {
  it('is a PNG of the chart at twice its CSS pixels, on a white ground', async () => {
    const { png, width, height } = await renderChartPng(chart);
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.equal(png.toString('ascii', 12, 16), 'IHDR');
    assert.deepEqual([width, height], [680, 320]);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1360, 640]);
    assert.equal(png[25], 6, 'RGBA colour type');
  });

  it('draws the same bytes every time, not only through the cache', async () => {
    const svg = renderChartSvg(chart, { width: 680, height: 320 });
    const [first, second] = await Promise.all([drawPng(svg), drawPng(svg)]);
    assert.ok(first.png.equals(second.png));
    assert.ok((await renderChartPng(structuredClone(chart))).png.equals(first.png));
  });
});
