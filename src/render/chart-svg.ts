import { createHash } from 'node:crypto';
import * as echarts from 'echarts';
import { LRUCache } from 'lru-cache';
import type { ChartSpec, TableColumn } from '../core/report-snapshot.ts';
import { type ReportWording, reportWording } from '../core/report-wording.ts';
import { escapeHtml, formatNumber, formatValue } from './common.ts';

export interface ChartSvgOptions {
  width?: number;
  height?: number;
  /** Prefix for the SVG's internal ids, unique per chart on a page (clip paths are referenced by id). */
  idPrefix?: string;
  /** The fixed texts of the report's language (the threshold labels); Swedish when not given. */
  words?: ReportWording;
}

const SWEDISH = reportWording('sv');

// The first six series are drawn solid, the next six dashed in colours of their own.
export const SERIES_COLORS = [
  '#1f4e79',
  '#c05a00',
  '#2e7d32',
  '#6a3d9a',
  '#00797a',
  '#7a4a2b',
  '#b0306a',
  '#5c6b00',
  '#3f7fbf',
  '#4b4b4b',
  '#d0621b',
  '#1b7f5f',
];
const SOLID_SERIES = 6;
export const YELLOW_COLOR = '#9a6a00';
export const RED_COLOR = '#b3261e';
// Distinct markers, so that series are told apart without relying on colour.
const SERIES_SYMBOLS = [
  'circle',
  'rect',
  'triangle',
  'diamond',
  'emptyCircle',
  'emptyRect',
  'emptyTriangle',
  'emptyDiamond',
  'roundRect',
  'emptyRoundRect',
  'pin',
  'arrow',
];
const FONT_FAMILY = 'DejaVu Sans, Helvetica, Arial, sans-serif';
const TEXT_COLOR = '#333333';

// A chart of 6 series over 52 weeks takes ECharts over 10 ms; its SVG is about 25 kB. Published
// snapshots never change, so the same charts come back on every render of a report.
const CHART_CACHE_ENTRIES = 256;
const svgByContent = new LRUCache<string, string>({ max: CHART_CACHE_ENTRIES });

/** The chart as a static SVG string, rendered on the server without a DOM. */
export function renderChartSvg(chart: ChartSpec, options: ChartSvgOptions = {}): string {
  const width = options.width ?? 680;
  const height = options.height ?? 320;
  const idPrefix = options.idPrefix ?? 'chart';
  const words = options.words ?? SWEDISH;
  const key = createHash('sha256')
    .update(JSON.stringify([chart, width, height, idPrefix, words.language]))
    .digest('base64url');
  let svg = svgByContent.get(key);
  if (svg === undefined) {
    svg = drawChartSvg(chart, { width, height, idPrefix, words });
    svgByContent.set(key, svg);
  }
  return svg;
}

function drawChartSvg(
  chart: ChartSpec,
  { width, height, idPrefix, words }: Required<ChartSvgOptions>,
): string {
  const legend = legendLayout(
    chart.series.map((series) => series.name),
    width,
  );
  const extra = (legend.rows.length - 1) * LEGEND_ROW_HEIGHT;
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width,
    height: height + extra,
  });
  try {
    instance.setOption(chartOption(chart, legend, height, words));
    return tidySvg(instance.renderToSVGString(), chart, idPrefix);
  } finally {
    instance.dispose();
  }
}

/** The chart's values as a table, for Word, Markdown and screen readers. */
export function chartToTable(
  chart: ChartSpec,
  words = SWEDISH,
): { columns: TableColumn[]; rows: string[][] } {
  const columns: TableColumn[] = [
    { label: words.period, align: 'left' },
    ...chart.series.map((series) => ({ label: series.name, align: 'right' as const })),
  ];
  const rows = chart.labels.map((label, index) => [
    label,
    ...chart.series.map((series) =>
      formatValue(series.values[index] ?? null, chart.decimals, words),
    ),
  ]);
  return { columns, rows };
}

/** What the chart shows, in words: the alternative text of a chart drawn as an image. */
export function chartDescription(chart: ChartSpec, words = SWEDISH): string {
  const unit = chart.unitOfMeasure ? ` (${chart.unitOfMeasure})` : '';
  const first = chart.labels[0];
  const span = first === undefined ? '' : words.chart.span(first, chart.labels.at(-1)!);
  const listFormat = new Intl.ListFormat(words.chart.listLocale, { type: 'conjunction' });
  const lines = listFormat.format(chart.series.map((series) => series.name));
  const thresholds = thresholdSummary(chart, words);
  const sentences = [
    `${words.chart.lineChart(chart.title)}${unit}${span}`,
    words.chart.linesFor(chart.series.length, lines),
    ...(thresholds ? [`${words.dashedLines}: ${thresholds}`] : []),
    words.chart.valuesBelow,
  ];
  return `${sentences.join('. ')}.`;
}

/** "Gräns för Påverkat 85 %, gräns för Allvarligt 95 %", or '' without thresholds. */
export function thresholdSummary(chart: ChartSpec, words = SWEDISH): string {
  return thresholdLines(chart, words)
    .map((line, index) => (index === 0 ? line.label : lowerFirst(line.label)))
    .join(', ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const LEGEND_ITEM_GAP = 18;
const LEGEND_ROW_HEIGHT = 24;
// The first of several legend rows starts this far above the chart's bottom, below the axis labels.
const LEGEND_FIRST_ROW_ABOVE_BOTTOM = 30;
// ECharts' legend item: a 25 px icon and 5 px before the text; 5 px padding around the legend.
const LEGEND_ICON_WIDTH = 30;
const LEGEND_PADDING = 5;
const LEGEND_FONT = `12px ${FONT_FAMILY}`;
// ECharts measures text without the font (no canvas on the server): DejaVu Sans, the widest
// font the page names, runs up to a quarter wider than its estimate.
const FONT_WIDTH_MARGIN = 1.3;

/** The legend: one row as ECharts lays it out, or rows of equal columns that all fit. */
export interface LegendLayout {
  rows: string[][];
  /** The text width of every item when there are several rows. */
  textWidth: number;
  /** Where the rows start, so that their columns line up. */
  left: number;
}

/**
 * When ECharts would wrap the legend on its own (into the plot), the names go into rows of equal
 * columns instead, each wide enough for the longest name in the real font, below the plot.
 */
export function legendLayout(names: string[], width: number): LegendLayout {
  const room = width - 2 * LEGEND_PADDING;
  const measured = names.map((name) => echarts.format.getTextRect(name, LEGEND_FONT).width);
  const oneRow =
    measured.reduce((sum, text) => sum + LEGEND_ICON_WIDTH + text, 0) +
    LEGEND_ITEM_GAP * Math.max(0, names.length - 1);
  if (oneRow <= room) return { rows: [names], textWidth: 0, left: 0 };
  const textWidth = Math.min(
    Math.ceil(Math.max(...measured) * FONT_WIDTH_MARGIN),
    room - LEGEND_ICON_WIDTH,
  );
  const column = LEGEND_ICON_WIDTH + textWidth + LEGEND_ITEM_GAP;
  const perRow = Math.max(1, Math.floor((room + LEGEND_ITEM_GAP) / column));
  const rows: string[][] = [];
  for (let index = 0; index < names.length; index += perRow) {
    rows.push(names.slice(index, index + perRow));
  }
  const used = Math.min(perRow, names.length) * column - LEGEND_ITEM_GAP;
  return { rows, textWidth, left: Math.floor((width - used) / 2) };
}

/**
 * One legend along the bottom; or, for several rows, one legend per name placed in its cell,
 * since ECharts spaces a legend's items by its own estimate of the text's width.
 */
function legendOption(layout: LegendLayout, height: number): object {
  const textStyle = { fontSize: 12, color: TEXT_COLOR };
  if (layout.rows.length <= 1) return { bottom: 4, itemGap: LEGEND_ITEM_GAP, textStyle };
  const column = LEGEND_ICON_WIDTH + layout.textWidth + LEGEND_ITEM_GAP;
  return layout.rows.flatMap((names, row) =>
    names.map((name, index) => ({
      left: layout.left + index * column,
      top: height - LEGEND_FIRST_ROW_ABOVE_BOTTOM + row * LEGEND_ROW_HEIGHT,
      padding: 0,
      textStyle: { ...textStyle, width: layout.textWidth, overflow: 'truncate' },
      data: [name],
    })),
  );
}

/** `height` is the chart's height without the legend's extra rows. */
function chartOption(
  chart: ChartSpec,
  legend: LegendLayout,
  height: number,
  words: ReportWording,
): echarts.EChartsCoreOption {
  const extraRows = legend.rows.length - 1;
  const [yMin, yMax] = niceExtent(chart);
  return {
    animation: false,
    color: SERIES_COLORS,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR, fontSize: 12 },
    grid: { left: 64, right: 128, top: 36, bottom: 64 + extraRows * LEGEND_ROW_HEIGHT },
    legend: legendOption(legend, height),
    xAxis: {
      type: 'category',
      data: chart.labels,
      boundaryGap: false,
      axisLine: { lineStyle: { color: '#555555' } },
      axisLabel: { color: TEXT_COLOR },
    },
    yAxis: {
      type: 'value',
      name: chart.unitOfMeasure,
      nameTextStyle: { color: TEXT_COLOR, align: 'left' },
      min: yMin,
      max: yMax,
      ...(hasWholeValues(chart) && { minInterval: 1 }),
      axisLabel: { color: TEXT_COLOR, formatter: (value: number) => formatNumber(value, words) },
      splitLine: { lineStyle: { color: '#e2e2e2' } },
    },
    series: chart.series.map((series, index) => ({
      type: 'line',
      name: series.name,
      data: series.values,
      symbol: SERIES_SYMBOLS[index % SERIES_SYMBOLS.length],
      symbolSize: 8,
      lineStyle: index < SOLID_SERIES ? { width: 2.5 } : { width: 2.5, type: 'dashed' },
      markLine: index === 0 ? thresholdMarkLine(chart, words) : undefined,
    })),
  };
}

interface ThresholdLine {
  value: number;
  color: string;
  label: string;
}

function thresholdLines(chart: ChartSpec, words: ReportWording): ThresholdLine[] {
  const unit = chart.unitOfMeasure ? ` ${chart.unitOfMeasure}` : '';
  const lines: ThresholdLine[] = [];
  const { yellow, red } = chart.thresholds ?? {};
  if (yellow !== undefined) {
    lines.push({
      value: yellow,
      color: YELLOW_COLOR,
      label: `${words.chart.yellowLevel} ${formatNumber(yellow, words)}${unit}`,
    });
  }
  if (red !== undefined) {
    lines.push({
      value: red,
      color: RED_COLOR,
      label: `${words.chart.redLevel} ${formatNumber(red, words)}${unit}`,
    });
  }
  return lines;
}

function thresholdMarkLine(chart: ChartSpec, words: ReportWording): object | undefined {
  const lines = thresholdLines(chart, words);
  if (lines.length === 0) {
    return undefined;
  }
  return {
    silent: true,
    symbol: 'none',
    data: lines.map((line) => ({
      yAxis: line.value,
      lineStyle: { color: line.color, type: 'dashed', width: 1.5 },
      label: { formatter: line.label, position: 'end', color: line.color, fontSize: 11 },
    })),
  };
}

function plottedValues(chart: ChartSpec): number[] {
  return chart.series
    .flatMap((series) => series.values)
    .concat(chart.thresholds?.yellow ?? null, chart.thresholds?.red ?? null)
    .filter((value): value is number => value !== null && Number.isFinite(value));
}

/** Counts (every value whole): the axis shows whole numbers only. */
function hasWholeValues(chart: ChartSpec): boolean {
  return plottedValues(chart).every((value) => Number.isInteger(value));
}

/** Axis bounds that include every value and threshold, rounded outward to a readable step. */
function niceExtent(chart: ChartSpec): [number, number] {
  const values = plottedValues(chart);
  if (values.length === 0) {
    return [0, 1];
  }
  const low = Math.min(...values);
  const high = Math.max(...values);
  const rough = niceStep((high - low || Math.abs(high) || 1) / 5);
  const step = hasWholeValues(chart) ? Math.max(1, rough) : rough;
  const floor = Math.floor(low / step) * step;
  const ceil = Math.ceil(high / step) * step;
  const min = floor === low ? floor - step : floor;
  return [low >= 0 ? Math.max(0, min) : min, ceil === high ? ceil + step : ceil];
}

function niceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / magnitude;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * Makes the SVG static and CSP-friendly: no <style> element or style attributes (a strict
 * style-src drops them), no hydration metadata, ids unique per chart, and an accessible name.
 */
function tidySvg(svg: string, chart: ChartSpec, idPrefix: string): string {
  const label = escapeHtml(chart.title);
  return svg
    .replace(/<style\s*>[\s\S]*?<\/style>/g, '')
    .replace(/ (class|pointer-events|ecmeta_[a-z_]+)="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_match, css: string) => styleToAttributes(css))
    .replace(/zr\d+-/g, `${idPrefix}-`)
    .replace(/<defs\s*>\s*<\/defs>/g, '')
    .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${label}</title>`);
}

function styleToAttributes(css: string): string {
  return css
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(([name, value]) => name && value && /^[a-z-]+$/.test(name))
    .map(([name, value]) => ` ${name}="${value?.replace(/"/g, "'")}"`)
    .join('');
}
