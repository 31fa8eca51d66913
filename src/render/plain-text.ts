import type { ReportWording } from '../core/report-wording.ts';
import type { Block, ChartSpec, ReportSnapshot, TableColumn } from '../core/report-snapshot.ts';
import { chartToTable, thresholdSummary } from './chart-svg.ts';
import {
  levelsLine,
  compiledLine,
  leadMarker,
  type ReadingSection,
  sectionHeading,
  metadataLines,
  sectionUpdatedLine,
  visibleSections,
  wordingOf,
} from './common.ts';
import { type TextBlock, markdownToTextBlocks } from './markdown-blocks.ts';
import {
  inlineMarkdownToRuns,
  isAbsoluteUrl,
  markdownToPlainText,
  runsToPlainText,
} from './markdown-text.ts';

export interface PlainTextOptions {
  reportUrl?: string;
  contentHash?: string;
}

const UNDERLINES = { 0: '=', 1: '=', 2: '-', 3: '-' } as const;

/** The report as plain text for a mail client: underlined headings, dashes for bullets. */
export function renderPlainText(snapshot: ReportSnapshot, options: PlainTextOptions = {}): string {
  const words = wordingOf(snapshot);
  const parts = [
    snapshot.event.isExercise ? `*** ${words.exerciseBanner} *** ${words.exerciseNote}` : '',
    underline(snapshot.report.title, 0),
    compiledLine(snapshot),
    metadataLines(snapshot).join('\n'),
    snapshot.report.audience === 'internal'
      ? `[${words.internalMarker}] ${capitalized(words.internalMarkerNote)}`
      : '',
    options.reportUrl && isAbsoluteUrl(options.reportUrl)
      ? `${words.readOnline}: ${options.reportUrl}`
      : '',
    ...visibleSections(snapshot).map((section) => sectionText(snapshot, section)),
    options.contentHash ? `${words.contentHashLabel}: ${options.contentHash}` : '',
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function underline(text: string, level: 0 | 1 | 2 | 3): string {
  const line = oneLine(text);
  return `${line}\n${UNDERLINES[level].repeat(Math.max(3, [...line].length))}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sectionText(snapshot: ReportSnapshot, section: ReadingSection): string {
  const words = wordingOf(snapshot);
  const flag = section.internal
    ? `[${words.internalSectionMarker}] ${capitalized(words.internalSectionNote)}`
    : '';
  const marker = leadMarker(snapshot, section);
  const heading = underline(sectionHeading(section), section.level);
  const updated = sectionUpdatedLine(snapshot, section);
  return [
    [marker?.toUpperCase(), heading, updated].filter(Boolean).join('\n'),
    flag,
    ...section.blocks.map((block) => blockText(block, words)),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

function blockText(block: Block, words: ReportWording): string {
  switch (block.type) {
    case 'markdown':
      return block.gfm
        ? textBlocksText(markdownToTextBlocks(block.markdown, 'gfm'))
        : markdownToPlainText(block.markdown);
    case 'bullets':
      return block.items
        .map((item) => `- ${runsToPlainText(inlineMarkdownToRuns(item))}`)
        .join('\n');
    case 'table':
      return tableText(block.columns, block.rows, block.caption);
    case 'chart':
      return chartText(block.chart, words);
    case 'notice':
      return `${words.noticePrefix.toUpperCase()} ${runsToPlainText(inlineMarkdownToRuns(block.text))}`;
    case 'links':
      return block.items
        .map((item) => `- ${oneLine(item.label)}${isAbsoluteUrl(item.url) ? `: ${item.url}` : ''}`)
        .join('\n');
    case 'levels':
      return levelsLine(block.items);
  }
}

function textBlocksText(blocks: TextBlock[]): string {
  return blocks.map(textBlockText).join('\n\n');
}

function textBlockText(block: TextBlock): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return block.lines.map(runsToPlainText).join('\n');
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '- ';
          const body = item
            .map(textBlockText)
            .join('\n')
            .replace(/\n(?!\n)/g, `\n${' '.repeat(marker.length)}`);
          return marker + body;
        })
        .join('\n');
    case 'table':
      return tableText(
        block.header.map((cell, index) => ({
          label: runsToPlainText(cell),
          align: block.align[index] === 'right' ? 'right' : 'left',
        })),
        block.rows.map((row) => block.header.map((_, index) => runsToPlainText(row[index] ?? []))),
      );
    case 'quote':
      return textBlocksText(block.blocks).replace(/^/gm, '> ');
    case 'code':
      return block.text;
    case 'rule':
      return '---';
  }
}

/** Columns padded to equal width, so the table reads in a monospaced mail client. */
function tableText(columns: TableColumn[], rows: string[][], caption?: string): string {
  const cells = [columns.map((column) => column.label), ...rows].map((row) =>
    columns.map((_, index) => oneLine(row[index] ?? '')),
  );
  const widths = columns.map((_, index) =>
    Math.max(...cells.map((row) => [...(row[index] ?? '')].length)),
  );
  const pad = (text: string, index: number) => {
    const fill = ' '.repeat((widths[index] ?? 0) - [...text].length);
    return columns[index]?.align === 'right' ? fill + text : text + fill;
  };
  const lines = cells.map((row) => row.map(pad).join('  ').trimEnd());
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const table = [lines[0], rule, ...lines.slice(1)].join('\n');
  return caption ? `${oneLine(caption)}\n\n${table}` : table;
}

function chartText(chart: ChartSpec, words: ReportWording): string {
  const { columns, rows } = chartToTable(chart, words);
  const thresholds = thresholdSummary(chart, words);
  const caption = thresholds ? `${chart.title} (${thresholds})` : chart.title;
  return tableText(columns, rows, caption);
}
