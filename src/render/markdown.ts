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
  wordingOf,
  visibleSections,
} from './common.ts';
import { type TextBlock, markdownToTextBlocks, textHeadingLevel } from './markdown-blocks.ts';
import {
  type RichBlock,
  type TextRun,
  inlineMarkdownToRuns,
  isSafeUrl,
  markdownToRichBlocks,
} from './markdown-text.ts';

export interface MarkdownOptions {
  contentHash?: string;
}

/**
 * The report as a Markdown document. User text is re-serialized from its parsed form, so raw
 * HTML comes out as escaped text and unsafe links as plain text.
 */
export function renderMarkdown(snapshot: ReportSnapshot, options: MarkdownOptions = {}): string {
  const words = wordingOf(snapshot);
  const parts = [
    ...titleParts(snapshot),
    ...visibleSections(snapshot).map((section) => sectionMarkdown(snapshot, section)),
    options.contentHash
      ? `---\n\n${words.contentHashLabel}: \`${options.contentHash.replace(/`/g, '')}\``
      : '',
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function titleParts(snapshot: ReportSnapshot): string[] {
  const words = wordingOf(snapshot);
  return [
    snapshot.event.isExercise ? `> **${words.exerciseBanner}** – ${words.exerciseNote}` : '',
    `# ${escapeText(snapshot.report.title)}`,
    escapeText(compiledLine(snapshot)),
    metadataLines(snapshot).map(escapeText).join('  \n'),
    snapshot.report.audience === 'internal'
      ? `> **${words.internalMarker}** – ${words.internalMarkerNote}`
      : '',
  ];
}

function sectionMarkdown(snapshot: ReportSnapshot, section: ReadingSection): string {
  const heading = `${'#'.repeat(section.level + 1)} ${escapeText(sectionHeading(section))}`;
  const words = wordingOf(snapshot);
  const flag = section.internal
    ? `> **${words.internalSectionMarker}** – ${words.internalSectionNote}`
    : '';
  const marker = leadMarker(snapshot, section);
  const updated = sectionUpdatedLine(snapshot, section);
  return [
    marker ? `**${escapeText(marker)}**` : '',
    heading,
    updated ? `*${escapeText(updated)}*` : '',
    flag,
    ...section.blocks.map((block) => blockMarkdown(block, section.level + 1, words)),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

function blockMarkdown(block: Block, headingOffset: number, words: ReportWording): string {
  switch (block.type) {
    case 'markdown':
      return block.gfm
        ? textBlocksMarkdown(markdownToTextBlocks(block.markdown, 'gfm'), headingOffset)
        : richBlocksMarkdown(markdownToRichBlocks(block.markdown));
    case 'bullets':
      return block.items.map((item) => `- ${runsMarkdown(inlineMarkdownToRuns(item))}`).join('\n');
    case 'table':
      return tableMarkdown(block.columns, block.rows, block.caption);
    case 'chart':
      return chartMarkdown(block.chart, words);
    case 'notice':
      return `> **${words.noticePrefix}** ${runsMarkdown(inlineMarkdownToRuns(block.text))}`;
    case 'links':
      return block.items.map((item) => `- ${linkMarkdown(item.label, item.url)}`).join('\n');
    case 'levels':
      return escapeText(levelsLine(block.items));
  }
}

function richBlocksMarkdown(blocks: RichBlock[]): string {
  return blocks
    .map((block, index) => {
      const text = runsMarkdown(block.runs);
      const line = block.kind === 'bullet' ? `${'  '.repeat(block.level)}- ${text}` : text;
      const tight = block.kind === 'bullet' && blocks[index - 1]?.kind === 'bullet';
      return index === 0 || tight ? line : `\n${line}`;
    })
    .join('\n');
}

function textBlocksMarkdown(blocks: TextBlock[], headingOffset: number): string {
  return blocks.map((block) => textBlockMarkdown(block, headingOffset)).join('\n\n');
}

function textBlockMarkdown(block: TextBlock, headingOffset: number): string {
  switch (block.kind) {
    case 'paragraph':
      return linesMarkdown(block.lines);
    case 'heading':
      return `${'#'.repeat(textHeadingLevel(block.level, headingOffset))} ${linesMarkdown(block.lines)}`;
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '- ';
          // An item's blocks on consecutive lines keep the list tight, as the editor writes it.
          const body = item.map((inner) => textBlockMarkdown(inner, headingOffset)).join('\n');
          return marker + indentFollowing(body, marker.length);
        })
        .join('\n');
    case 'table':
      return textTableMarkdown(block);
    case 'quote':
      return textBlocksMarkdown(block.blocks, headingOffset)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'code': {
      const fence = '`'.repeat(
        Math.max(3, ...[...block.text.matchAll(/`+/g)].map((m) => m[0].length + 1)),
      );
      return `${fence}\n${block.text}\n${fence}`;
    }
    case 'rule':
      return '---';
  }
}

/** A line break inside a paragraph as CommonMark's backslash break, which every reader keeps. */
function linesMarkdown(lines: TextRun[][]): string {
  return lines.map(runsMarkdown).join('\\\n');
}

function indentFollowing(text: string, width: number): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : ' '.repeat(width) + line))
    .join('\n');
}

function textTableMarkdown(block: Extract<TextBlock, { kind: 'table' }>): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  // runsMarkdown already escapes "|", so a cell's text cannot end it.
  const cell = (runs: TextRun[] | undefined) => runsMarkdown(runs ?? []);
  const rules = { left: '---', center: ':---:', right: '---:' };
  return [
    line(block.header.map(cell)),
    line(block.header.map((_, index) => rules[block.align[index] ?? 'left'])),
    ...block.rows.map((row) => line(block.header.map((_, index) => cell(row[index])))),
  ].join('\n');
}

function runsMarkdown(runs: TextRun[]): string {
  return runs.map(runMarkdown).join('');
}

/** Emphasis markers must hug the text, so surrounding spaces go outside them. */
function runMarkdown(run: TextRun): string {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (core === '') {
    return run.text;
  }
  const marker = (run.bold ? '**' : '') + (run.italic ? '*' : '');
  const text = run.link ? linkMarkdown(core, run.link) : escapeText(core);
  return `${before}${marker}${text}${[...marker].reverse().join('')}${after}`;
}

function linkMarkdown(label: string, url: string): string {
  if (!isSafeUrl(url)) {
    return escapeText(label);
  }
  const destination = url.replace(/[\s()<>]/g, (char) => encodeURIComponent(char));
  return `[${escapeText(label)}](${destination})`;
}

function tableMarkdown(columns: TableColumn[], rows: string[][], caption?: string): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `| ${columns.map((column) => (column.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const table = [
    line(columns.map((column) => column.label)),
    rule,
    ...rows.map((row) => line(columns.map((_, index) => row[index] ?? ''))),
  ].join('\n');
  return caption ? `**${escapeText(caption)}**\n\n${table}` : table;
}

function chartMarkdown(chart: ChartSpec, words: ReportWording): string {
  const { columns, rows } = chartToTable(chart, words);
  const thresholds = thresholdSummary(chart, words);
  const note = thresholds ? `\n\n*${escapeText(thresholds)}*` : '';
  return `**${escapeText(chart.title)}** (${words.chartValuesInTable})${note}\n\n${tableMarkdown(columns, rows)}`;
}

function escapeCell(text: string): string {
  return escapeText(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** Escapes Markdown syntax; < > & become entities so no raw HTML tag can form. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s)/gm, '$1$2\\$3');
}
