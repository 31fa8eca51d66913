import { createHash } from 'node:crypto';
import { type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { LRUCache } from 'lru-cache';
import type { ChartSpec } from '../core/report-snapshot.ts';
import type { ReportWording } from '../core/report-wording.ts';
import { renderChartSvg } from './chart-svg.ts';
import { DEJAVU_FAMILY, DEJAVU_FILES, hasDejaVu } from './fonts.ts';

export interface ChartPng {
  png: Buffer;
  /** The chart's size in CSS pixels; the PNG has `PNG_SCALE` times as many. */
  width: number;
  height: number;
}

const CHART_WIDTH = 680;
const CHART_HEIGHT = 320;
// Twice the chart's CSS pixels: about 200 dpi across a Word page's text width, sharp in print.
const PNG_SCALE = 2;

// Drawing a chart takes a few hundred milliseconds; a published report's charts never change.
const PNG_CACHE_ENTRIES = 64;
const pngByContent = new LRUCache<string, ChartPng>({ max: PNG_CACHE_ENTRIES });

/**
 * The chart as a PNG, drawn off the main thread from the same SVG as the web and PDF versions.
 * With DejaVu Sans installed the text is drawn with its files alone, so the same chart always
 * gives the same bytes whatever other fonts the machine has.
 */
export async function renderChartPng(chart: ChartSpec, words?: ReportWording): Promise<ChartPng> {
  const svg = renderChartSvg(chart, {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    ...(words && { words }),
  });
  const key = createHash('sha256').update(svg).digest('base64url');
  const cached = pngByContent.get(key);
  if (cached) return cached;
  const drawn = await drawPng(svg);
  pngByContent.set(key, drawn);
  return drawn;
}

/** An SVG drawn as PNG, without the cache. */
export async function drawPng(svg: string): Promise<ChartPng> {
  const image = await renderAsync(svg, PNG_OPTIONS);
  return { png: image.asPng(), width: image.width / PNG_SCALE, height: image.height / PNG_SCALE };
}

const PNG_OPTIONS = pngOptions();

function pngOptions(): ResvgRenderOptions {
  const font = hasDejaVu()
    ? {
        loadSystemFonts: false,
        fontFiles: [DEJAVU_FILES.normal, DEJAVU_FILES.bold],
        defaultFontFamily: DEJAVU_FAMILY,
        sansSerifFamily: DEJAVU_FAMILY,
      }
    : { loadSystemFonts: true };
  return { font, fitTo: { mode: 'zoom', value: PNG_SCALE }, background: '#ffffff' };
}
