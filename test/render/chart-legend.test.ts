import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import type { ChartSpec } from '../../src/core/report-snapshot.ts';
import { renderChartSvg } from '../../src/render/chart-svg.ts';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const WIDTH = 680;
const HEIGHT = 320;

const twelveUnits: ChartSpec = {
  title: 'Väntande på vårdplats',
  unitOfMeasure: 'st',
  labels: ['v. 44', 'v. 45', 'v. 46'],
  series: Array.from({ length: 12 }, (_, index) => ({
    name: `Sjukhuset i Västra Götaland nr ${index + 1}`,
    values: [index, index + 2, 3],
  })),
};

/** The width of a text in DejaVu Sans 12 px: the widest font the report page names. */
function textWidth(text: string): number {
  const document = new PDFDocument();
  document.font(DEJAVU).fontSize(12);
  return document.widthOfString(text);
}

interface LegendItem {
  name: string;
  x: number;
  y: number;
}

/** ECharts writes a legend item's text 30 px right of where the item (icon first) starts. */
function legendItems(svg: string, names: string[]): LegendItem[] {
  const texts = [
    ...svg.matchAll(
      /<text [^>]*x="30"[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)</g,
    ),
  ];
  return texts
    .map(([, x, y, name]) => ({ name: name ?? '', x: Number(x), y: Number(y) }))
    .filter((item) => names.includes(item.name));
}

describe('chart legend with 12 series', () => {
  const svg = renderChartSvg(twelveUnits, { width: WIDTH, height: HEIGHT });
  const names = twelveUnits.series.map((series) => series.name);
  const items = legendItems(svg, names);

  it('shows every series once', () => {
    assert.deepEqual(
      items.map((item) => item.name),
      names,
    );
  });

  it('has no two items overlapping, and every item inside the image', () => {
    const boxes = items.map((item) => ({
      name: item.name,
      left: item.x,
      right: item.x + 30 + textWidth(item.name),
      top: item.y,
      bottom: item.y + 14,
    }));
    for (const [index, a] of boxes.entries()) {
      assert.ok(a.left >= 0 && a.right <= WIDTH, `${a.name} inside`);
      for (const b of boxes.slice(index + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        assert.ok(apart, `${a.name} and ${b.name} do not overlap`);
      }
    }
  });

  it('sits below the x axis labels, the image growing for its rows', () => {
    const axisLabelY = Math.max(
      ...[...svg.matchAll(/transform="translate\([\d.]+ ([\d.]+)\)"[^>]*>v\. 4\d</g)].map(([, y]) =>
        Number(y),
      ),
    );
    assert.ok(items.every((item) => item.y > axisLabelY + 12));
    const height = Number(/<svg [^>]*height="([\d.]+)"/.exec(svg)?.[1]);
    const rows = new Set(items.map((item) => Math.round(item.y / 12))).size;
    assert.ok(rows > 1);
    assert.ok(height > HEIGHT);
    assert.ok(items.every((item) => item.y + 14 <= height));
  });

  it('tells the series apart: twelve colours, the second six dashed', () => {
    const lines = [
      ...svg.matchAll(
        /<path d="M[^"]*" fill="none" stroke="(#[0-9a-f]{6})" stroke-width="2.5"([^>]*)>/g,
      ),
    ];
    assert.equal(lines.length, 12);
    assert.equal(new Set(lines.map(([, colour]) => colour)).size, 12);
    assert.deepEqual(
      lines.map(([, , rest]) => (rest ?? '').includes('stroke-dasharray')),
      [...Array(6).fill(false), ...Array(6).fill(true)],
    );
  });
});

describe('count axis', () => {
  it('shows whole numbers only', () => {
    const counts: ChartSpec = {
      title: 'Antal',
      unitOfMeasure: 'st',
      labels: ['v. 44', 'v. 45', 'v. 46'],
      series: [{ name: 'NÄL', values: [0, 2, 1] }],
    };
    const svg = renderChartSvg(counts);
    const labels = [
      ...svg.matchAll(
        /<text [^>]*text-anchor="end"[^>]*transform="translate\(56 [\d.]+\)"[^>]*>([^<]*)</g,
      ),
    ].map(([, label]) => label);
    assert.deepEqual(labels, ['0', '1', '2', '3']);
  });
});
