import type { ReportWording } from '../core/report-wording.ts';
import type {
  Block,
  ChartSpec,
  LabelledLevel,
  ReportSnapshot,
  TableColumn,
} from '../core/report-snapshot.ts';
import { chartToTable, renderChartSvg, thresholdSummary } from './chart-svg.ts';
import {
  compiledLine,
  levelText,
  escapeHtml,
  leadMarker,
  type ReadingSection,
  sectionHeading,
  metadataLines,
  sectionUpdatedLine,
  visibleSections,
  wordingOf,
} from './common.ts';
import { REPORT_CSS, embeddedCss } from './html-css.ts';
import { gfmToHtml } from './markdown-blocks.ts';
import { inlineMarkdownToHtml, isSafeUrl, markdownToHtml } from './markdown-text.ts';

export { REPORT_CSS } from './html-css.ts';

export const REPORT_CSS_PATH = '/assets/report.css';

export interface HtmlOptions {
  /** Shown in the footer so a reader can check the published original. */
  contentHash?: string;
  /** 'link' (default) references `cssHref`; 'inline' embeds the CSS, e.g. for e-mail. */
  stylesheet?: 'link' | 'inline';
  cssHref?: string;
  /** Leave out the table of contents, e.g. in e-mail. */
  omitContents?: boolean;
  /** 'table' shows charts as value tables, for mail clients that do not show inline SVG. */
  charts?: 'svg' | 'table';
  /** The addresses of the same snapshot as PDF, Word and Markdown: the published page links them. */
  downloads?: Downloads;
}

export interface Downloads {
  pdf: string;
  docx: string;
  markdown: string;
}

/** A standalone, script-free HTML page, and the CSS it links to (serve it at `cssHref`). */
export function renderHtml(
  snapshot: ReportSnapshot,
  options: HtmlOptions = {},
): { html: string; css: string } {
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${wordingOf(snapshot).language}">`,
    head(snapshot, options),
    '<body>',
    renderReportBody(snapshot, options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, css: REPORT_CSS };
}

function head(snapshot: ReportSnapshot, options: HtmlOptions): string {
  const stylesheet =
    options.stylesheet === 'inline'
      ? `<style>\n${embeddedCss(snapshot)}</style>`
      : `<link rel="stylesheet" href="${escapeHtml(options.cssHref ?? REPORT_CSS_PATH)}">`;
  return [
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(snapshot.report.title)}</title>`,
    stylesheet,
    '</head>',
  ].join('\n');
}

/** The report's body content (banner, header, sections, footer) without the page around it. */
export function renderReportBody(snapshot: ReportSnapshot, options: HtmlOptions): string {
  const sections = visibleSections(snapshot);
  return [
    snapshot.event.isExercise ? exerciseBanner(wordingOf(snapshot)) : '',
    '<div class="page">',
    reportHeader(snapshot),
    options.downloads ? downloadLinks(snapshot, options.downloads) : '',
    options.omitContents || sections.length < 3
      ? ''
      : tableOfContents(sections, wordingOf(snapshot)),
    '<main>',
    ...sections.map((section, index) => renderSection(snapshot, section, index, options)),
    '</main>',
    reportFooter(snapshot, options.contentHash),
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function downloadLinks(snapshot: ReportSnapshot, downloads: Downloads): string {
  const word = wordingOf(snapshot).download;
  const link = (href: string, type: string, label: string) =>
    `<li><a href="${escapeHtml(href)}" type="${type}">${label}</a></li>`;
  return [
    `<nav class="downloads" aria-label="${word}">`,
    `<ul class="facts"><li>${word}:</li>`,
    link(downloads.pdf, 'application/pdf', 'PDF'),
    link(
      downloads.docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Word',
    ),
    link(downloads.markdown, 'text/markdown', 'Markdown'),
    '</ul>',
    '</nav>',
  ].join('');
}

function exerciseBanner(words: ReportWording): string {
  return `<p class="exercise-banner" role="note"><strong>${words.exerciseBanner}</strong> ${words.exerciseNote}</p>`;
}

function reportHeader(snapshot: ReportSnapshot): string {
  const words = wordingOf(snapshot);
  const internal =
    snapshot.report.audience === 'internal'
      ? `<p class="internal-marker"><strong>${words.internalMarker}</strong> – ${words.internalMarkerNote}</p>`
      : '';
  const facts = metadataLines(snapshot)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('');
  return [
    '<header class="report-header">',
    `<p class="event-name">${escapeHtml(snapshot.event.name)}</p>`,
    `<h1>${escapeHtml(snapshot.report.title)}</h1>`,
    `<p class="compiled">${escapeHtml(compiledLine(snapshot))}</p>`,
    `<ul class="facts">${facts}</ul>`,
    internal,
    '</header>',
  ].join('\n');
}

/** Main sections numbered (by the list, or by their own numbers), their subsections nested below them. */
function tableOfContents(sections: ReadingSection[], words: ReportWording): string {
  const link = (section: ReadingSection, index: number) =>
    `<a href="#${sectionId(index)}">${escapeHtml(sectionHeading(section))}</a>`;
  const items: string[] = [];
  let children: string[] = [];
  const closeMain = () => {
    if (children.length > 0 && items.length > 0) {
      items[items.length - 1] += `\n<ul>${children.join('')}</ul>`;
    }
    children = [];
  };
  sections.forEach((section, index) => {
    if (section.level === 1 || items.length === 0) {
      closeMain();
      items.push(`<li>${link(section, index)}`);
    } else {
      children.push(`<li class="toc-level-${section.level}">${link(section, index)}</li>`);
    }
  });
  closeMain();
  const list = items.map((item) => `${item}</li>`).join('\n');
  // Numbered headings carry their own numbers: the list does not number them again.
  const tag = sections.some((section) => section.number !== undefined) ? 'ul' : 'ol';
  return `<nav class="toc" aria-label="${words.contents}">\n<p class="toc-title">${words.contents}</p>\n<${tag}>\n${list}\n</${tag}>\n</nav>`;
}

function sectionId(index: number): string {
  return `avsnitt-${index + 1}`;
}

function renderSection(
  snapshot: ReportSnapshot,
  section: ReadingSection,
  index: number,
  options: HtmlOptions,
): string {
  const tag = `h${section.level + 1}`;
  const id = sectionId(index);
  const words = wordingOf(snapshot);
  const flag = section.internal
    ? `<p class="internal-flag"><strong>${words.internalSectionMarker}</strong> – ${words.internalSectionNote}</p>`
    : '';
  const marker = leadMarker(snapshot, section);
  const updated = sectionUpdatedLine(snapshot, section);
  const context = {
    charts: options.charts ?? 'svg',
    headingOffset: section.level + 1,
    words,
  } as const;
  return [
    `<section class="section level-${section.level}${section.lead ? ' lead' : ''}" aria-labelledby="${id}">`,
    marker ? `<p class="lead-marker">${marker}</p>` : '',
    `<${tag} id="${id}">${escapeHtml(sectionHeading(section))}</${tag}>`,
    updated ? `<p class="section-updated">${escapeHtml(updated)}</p>` : '',
    flag,
    ...section.blocks.map((block, blockIndex) =>
      renderBlock(block, `${id}-${blockIndex}`, context),
    ),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

interface BlockContext {
  charts: 'svg' | 'table';
  /** How many levels below h1 a heading in the text goes: under its section's heading. */
  headingOffset: number;
  words: ReportWording;
}

function renderBlock(block: Block, blockId: string, context: BlockContext): string {
  const { charts } = context;
  switch (block.type) {
    case 'markdown':
      return `<div class="prose">${block.gfm ? gfmToHtml(block.markdown, context.headingOffset) : markdownToHtml(block.markdown)}</div>`;
    case 'bullets':
      return `<ul>${block.items.map((item) => `<li>${inlineMarkdownToHtml(item)}</li>`).join('')}</ul>`;
    case 'table':
      return renderTable(block.columns, block.rows, block.caption);
    case 'chart':
      return charts === 'svg'
        ? renderChart(block.chart, blockId, context.words)
        : renderChartTable(block.chart, context.words);
    case 'notice':
      return `<div class="notice" role="note"><p><strong class="notice-prefix">${context.words.noticePrefix}</strong> ${inlineMarkdownToHtml(block.text)}</p></div>`;
    case 'links':
      return `<ul class="links">${block.items.map(renderLink).join('')}</ul>`;
    case 'levels':
      return `<ul class="levels">${block.items.map(renderLevel).join('')}</ul>`;
  }
}

/** "Samlat läge: [swatch] ● Normalt": the colour as a swatch, never without symbol and name. */
function renderLevel(item: LabelledLevel): string {
  const swatch = `<svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="9" height="9" fill="${escapeHtml(item.level.colour)}" stroke="#0b0c0c"/></svg>`;
  return `<li>${escapeHtml(item.label)}: ${swatch} <strong>${escapeHtml(levelText(item.level))}</strong></li>`;
}

function renderLink(item: { label: string; url: string }): string {
  const label = escapeHtml(item.label);
  return isSafeUrl(item.url)
    ? `<li><a href="${escapeHtml(item.url)}" rel="noopener">${label}</a></li>`
    : `<li>${label}</li>`;
}

// Row headers this short (dates, codes) are kept on one line.
const SHORT_CELL = 12;

/** The first column is the row header; right-aligned columns hold numbers. */
export function renderTable(columns: TableColumn[], rows: string[][], caption?: string): string {
  const header = columns
    .map(
      (column) =>
        `<th scope="col"${classAttribute(column.align === 'right' && 'num')}>${escapeHtml(column.label)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => tableCell(cell, index, columns[index])).join('')}</tr>`,
    )
    .join('\n');
  return [
    '<div class="table-wrap">',
    '<table>',
    caption ? `<caption>${escapeHtml(caption)}</caption>` : '',
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function tableCell(cell: string, index: number, column: TableColumn | undefined): string {
  const isRowHeader = index === 0;
  const tag = isRowHeader ? 'th' : 'td';
  const scope = isRowHeader ? ' scope="row"' : '';
  const classes = classAttribute(
    column?.align === 'right' && 'num',
    isRowHeader && cell.length <= SHORT_CELL && 'short',
  );
  return `<${tag}${scope}${classes}>${escapeHtml(cell)}</${tag}>`;
}

function classAttribute(...names: (string | false)[]): string {
  const present = names.filter((name): name is string => name !== false);
  return present.length === 0 ? '' : ` class="${present.join(' ')}"`;
}

function renderChart(chart: ChartSpec, chartId: string, words: ReportWording): string {
  const thresholds = thresholdSummary(chart, words);
  const legend = thresholds
    ? ` <span class="chart-note">${words.dashedLines}: ${escapeHtml(thresholds)}.</span>`
    : '';
  const { columns, rows } = chartToTable(chart, words);
  return [
    '<figure class="chart">',
    `<figcaption>${escapeHtml(chart.title)}${legend}</figcaption>`,
    `<div class="chart-image">${renderChartSvg(chart, { idPrefix: chartId, words })}</div>`,
    '<details class="chart-data">',
    `<summary>${words.showChartValues}</summary>`,
    renderTable(columns, rows),
    '</details>',
    '</figure>',
  ].join('\n');
}

function renderChartTable(chart: ChartSpec, words: ReportWording): string {
  const { columns, rows } = chartToTable(chart, words);
  return renderTable(columns, rows, chartCaption(chart, words));
}

function chartCaption(chart: ChartSpec, words: ReportWording): string {
  const thresholds = thresholdSummary(chart, words);
  return thresholds ? `${chart.title} (${thresholds})` : chart.title;
}

function reportFooter(snapshot: ReportSnapshot, contentHash: string | undefined): string {
  const hash = contentHash
    ? `<p class="content-hash">${wordingOf(snapshot).contentHashLabel}: <code>${escapeHtml(contentHash)}</code></p>`
    : '';
  return [
    '<footer class="report-footer">',
    `<p>${escapeHtml(snapshot.report.title)} · ${escapeHtml(compiledLine(snapshot))}</p>`,
    hash,
    '</footer>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
