import type { ReportWording } from '../core/report-wording.ts';
import pdfMake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import type {
  Block,
  ChartSpec,
  LabelledLevel,
  ReportSnapshot,
  TableColumn,
} from '../core/report-snapshot.ts';
import { chartDescription, chartToTable, renderChartSvg, thresholdSummary } from './chart-svg.ts';
import { DEJAVU_FAMILY, DEJAVU_FILES, hasDejaVu } from './fonts.ts';
import {
  compiledLine,
  documentLanguage,
  leadMarker,
  type ReadingSection,
  sectionHeading,
  metadataLines,
  sectionUpdatedLine,
  visibleSections,
  wordingOf,
} from './common.ts';
import { textColourOn } from '../core/contrast.ts';
import {
  ACCENT,
  INK,
  MUTED,
  PAGE_MARGINS,
  RUNNING,
  headingKeptWithContent,
  ruledTable,
} from './pdf-style.ts';
import { findPageBreaks } from './pdf-breaks.ts';
import { shareFontFiles } from './pdf-fonts.ts';
import { asFigure, tagContent } from './pdf-tags.ts';
import { type TextBlock, markdownToTextBlocks } from './markdown-blocks.ts';
import { type TextRun, inlineMarkdownToRuns, isAbsoluteUrl } from './markdown-text.ts';

export interface PdfOptions {
  contentHash?: string;
}

// PDF's built-in Helvetica has å, ä and ö (WinAnsi) but not every character DejaVu has.
const STANDARD_FONTS = {
  normal: 'Helvetica',
  bold: 'Helvetica-Bold',
  italics: 'Helvetica-Oblique',
  bolditalics: 'Helvetica-BoldOblique',
};

const LINK = '#1a4f8b';
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/** DejaVu Sans when installed, else Helvetica; importing this module registers the fonts. */
export const fontFamily = configurePdfMake();

/**
 * Renders without touching the network: URL fetching is refused and of the file system only the
 * font files may be read.
 */
function configurePdfMake(): string {
  pdfMake.setUrlAccessPolicy(() => false);
  if (!hasDejaVu()) {
    const standardNames = new Set(Object.values(STANDARD_FONTS));
    pdfMake.setLocalAccessPolicy((file) => standardNames.has(file));
    pdfMake.setFonts({ Helvetica: STANDARD_FONTS });
    return 'Helvetica';
  }
  // Loaded by path, not from pdfmake's in-memory file system: SVG text names its font by path,
  // and pdfkit reuses a font it opened under the same path, but parses a font opened from memory
  // anew for every piece of chart text (seconds for a report with ten charts).
  const fontPaths = new Set(Object.values(DEJAVU_FILES));
  pdfMake.setLocalAccessPolicy((file) => fontPaths.has(file));
  shareFontFiles(fontPaths);
  const fonts: TFontDictionary = { [DEJAVU_FAMILY]: DEJAVU_FILES };
  pdfMake.setFonts(fonts);
  return DEJAVU_FAMILY;
}

/** The report as an A4 PDF with bookmarks, a running header and "Sida N av M" footers. */
export async function renderPdf(
  snapshot: ReportSnapshot,
  options: PdfOptions = {},
): Promise<Buffer> {
  const built = documentDefinition(snapshot, options);
  const breaks = new Set(await findPageBreaks(() => built, HEADING_KEPT, { style: RUNNING }));
  const { pageBreakBefore: _rule, ...definition } = built;
  for (const node of definition.content as Content[]) {
    if (typeof node === 'object' && 'id' in node && breaks.has(String(node.id))) {
      node.pageBreak = 'before';
    }
  }
  return pdfMake.createPdf(definition).getBuffer();
}

const HEADING_KEPT = headingKeptWithContent(['sectionUpdated']);

function documentDefinition(snapshot: ReportSnapshot, options: PdfOptions): TDocumentDefinitions {
  const title = snapshot.report.title;
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title, author: snapshot.authors.join(', '), subject: snapshot.event.name },
    language: documentLanguage(snapshot.event.language),
    version: '1.7',
    tagged: true,
    displayTitle: true,
    defaultStyle: { font: fontFamily, fontSize: 10, lineHeight: 1.3, color: INK },
    styles: STYLES,
    header: () => runningHeader(snapshot),
    footer: (currentPage, pageCount) =>
      runningFooter(wordingOf(snapshot), currentPage, pageCount, options.contentHash),
    pageBreakBefore: HEADING_KEPT,
    content: tagContent(
      [...titleBlock(snapshot), ...sectionsContent(snapshot)],
      HEADING_LEVELS,
      'textHeading',
    ),
  };
}

/** The title is the document's one H1; a section of level n is H(n+1), as in the HTML. */
const HEADING_LEVELS = { title: 1, h1: 2, h2: 3, h3: 4 } as const;

const STYLES: TDocumentDefinitions['styles'] = {
  [RUNNING]: { fontSize: 8, color: MUTED },
  eventName: { fontSize: 9, color: MUTED, characterSpacing: 0.6, margin: [0, 0, 0, 2] },
  title: { fontSize: 22, bold: true, color: ACCENT, margin: [0, 0, 0, 6], lineHeight: 1.1 },
  compiled: { fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
  facts: { fontSize: 9, color: MUTED, margin: [0, 0, 0, 10] },
  h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 16, 0, 6], lineHeight: 1.15 },
  h2: { fontSize: 12.5, bold: true, color: ACCENT, margin: [0, 12, 0, 5], lineHeight: 1.15 },
  h3: { fontSize: 11, bold: true, color: ACCENT, margin: [0, 10, 0, 4], lineHeight: 1.15 },
  paragraph: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  caption: { bold: true, fontSize: 10, margin: [0, 4, 0, 4] },
  tableHeader: { bold: true, fontSize: 9, fillColor: '#eef2f7' },
  tableCell: { fontSize: 9 },
  textHeading: { bold: true, fontSize: 11, margin: [0, 4, 0, 4] },
  leadMarker: {
    fontSize: 8.5,
    bold: true,
    color: MUTED,
    characterSpacing: 0.6,
    margin: [0, 14, 0, 0],
  },
  sectionUpdated: { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 4] },
  chartNote: { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 4] },
  marker: { fontSize: 9.5 },
};

function runningHeader(snapshot: ReportSnapshot): Content {
  const words = wordingOf(snapshot);
  const markers = [
    snapshot.event.isExercise ? words.exerciseBanner : '',
    snapshot.report.audience === 'internal' ? words.internalMarker : '',
  ].filter((marker) => marker !== '');
  return {
    margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
    style: RUNNING,
    columns: [
      {
        style: RUNNING,
        text: [
          markers.length ? { text: `${markers.join(' · ')}  `, bold: true, color: '#8a1c1c' } : '',
          snapshot.report.title,
        ],
      },
      { text: compiledLine(snapshot), alignment: 'right', style: RUNNING },
    ],
  };
}

function runningFooter(
  words: ReportWording,
  currentPage: number,
  pageCount: number,
  contentHash?: string,
): Content {
  return {
    margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
    style: RUNNING,
    columns: [
      {
        style: RUNNING,
        text: contentHash ? `${words.contentHashLabel}: ${contentHash.slice(0, 16)}…` : '',
        width: '*',
      },
      {
        text: `${words.page[0]}${currentPage}${words.page[1]}${pageCount}`,
        alignment: 'right',
        width: 'auto',
        style: RUNNING,
      },
    ],
  };
}

function titleBlock(snapshot: ReportSnapshot): Content[] {
  const words = wordingOf(snapshot);
  const content: Content[] = [];
  if (snapshot.event.isExercise) {
    content.push(
      boxed(
        [
          { text: `${words.exerciseBanner}  `, bold: true, characterSpacing: 2 },
          words.exerciseNote,
        ],
        { fill: '#fde8e8', rule: '#8a1c1c', color: '#5c0f0f' },
      ),
    );
  }
  content.push(
    { text: snapshot.event.name.toUpperCase(), style: 'eventName' },
    { text: snapshot.report.title, style: 'title' },
    { text: compiledLine(snapshot), style: 'compiled' },
    { text: metadataLines(snapshot).join(' · '), style: 'facts' },
  );
  if (snapshot.report.audience === 'internal') {
    content.push(
      boxed([{ text: words.internalMarker, bold: true }, ` – ${words.internalMarkerNote}`], {
        fill: '#f5eefa',
        rule: '#6b2c91',
        color: '#3d1854',
      }),
    );
  }
  content.push(rule());
  return content;
}

function rule(): Content {
  return {
    canvas: [
      { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: ACCENT },
    ],
    margin: [0, 4, 0, 4],
  };
}

function boxed(text: Content, colors: { fill: string; rule: string; color: string }): Content {
  return {
    table: { widths: ['*'], body: [[{ text, color: colors.color, style: 'marker' } as TableCell]] },
    layout: {
      fillColor: () => colors.fill,
      hLineWidth: () => 0,
      vLineWidth: (index) => (index === 0 ? 4 : 0),
      vLineColor: () => colors.rule,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 8],
  };
}

function sectionsContent(snapshot: ReportSnapshot): Content[] {
  const parentIds: string[] = [];
  return visibleSections(snapshot).flatMap((section, index) => {
    const id = `avsnitt-${index + 1}`;
    parentIds[section.level - 1] = id;
    parentIds.length = section.level;
    return sectionContent(snapshot, section, id, parentIds[section.level - 2]);
  });
}

function sectionContent(
  snapshot: ReportSnapshot,
  section: ReadingSection,
  id: string,
  parentId?: string,
): Content[] {
  const words = wordingOf(snapshot);
  const marker = leadMarker(snapshot, section);
  const updated = sectionUpdatedLine(snapshot, section);
  const heading: Content = {
    text: sectionHeading(section),
    style: `h${section.level}`,
    headlineLevel: section.level,
    outline: true,
    id,
    ...(parentId ? { outlineParentId: parentId } : {}),
    ...(marker ? { margin: [0, 2, 0, 5] as [number, number, number, number] } : {}),
  };
  const before: Content[] = marker ? [{ text: marker.toUpperCase(), style: 'leadMarker' }] : [];
  const after: Content[] = updated ? [{ text: updated, style: 'sectionUpdated' }] : [];
  const flag: Content[] = section.internal
    ? [
        boxed(
          [{ text: words.internalSectionMarker, bold: true }, ` – ${words.internalSectionNote}`],
          { fill: '#f5eefa', rule: '#6b2c91', color: '#3d1854' },
        ),
      ]
    : [];
  return [
    ...before,
    heading,
    ...after,
    ...flag,
    ...section.blocks.flatMap((block) => blockContent(block, words)),
  ];
}

function blockContent(block: Block, words: ReportWording): Content[] {
  switch (block.type) {
    case 'markdown':
      return markdownToTextBlocks(block.markdown, block.gfm ? 'gfm' : 'subset').map((textBlock) =>
        textBlockContent(textBlock, 'paragraph'),
      );
    case 'bullets':
      return [
        {
          ul: block.items.map((item) => ({ text: runsContent(inlineMarkdownToRuns(item)) })),
          style: 'list',
        },
      ];
    case 'table':
      return tableContent(block.columns, block.rows, block.caption);
    case 'chart':
      return chartContent(block.chart, words);
    case 'notice':
      return [
        boxed(
          [
            { text: `${words.noticePrefix.toUpperCase()} `, bold: true },
            ...runsContent(inlineMarkdownToRuns(block.text)),
          ],
          { fill: '#fff6e0', rule: '#9a6a00', color: INK },
        ),
      ];
    case 'links':
      return [{ ul: block.items.map(linkContent), style: 'list' }];
    case 'levels':
      return [{ text: block.items.flatMap(levelRuns), margin: [0, 0, 0, 6] }];
  }
}

/** "Label: " and the level's symbol on its colour, then its name in bold. */
function levelRuns(item: LabelledLevel, index: number): Content[] {
  return [
    { text: `${index > 0 ? '   ' : ''}${item.label}: ` },
    {
      text: `\u00a0${item.level.symbol}\u00a0`,
      background: item.level.colour,
      color: textColourOn(item.level.colour),
    },
    { text: ` ${item.level.name}`, bold: true },
  ];
}

function linkContent(item: { label: string; url: string }): Content {
  if (!isAbsoluteUrl(item.url)) {
    return { text: item.label };
  }
  return {
    text: [
      { text: item.label, link: item.url, color: LINK, decoration: 'underline' },
      { text: `  ${item.url}`, fontSize: 8, color: MUTED },
    ],
  };
}

function runsContent(runs: TextRun[]): Content[] {
  return runs.map((run) => ({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.link && isAbsoluteUrl(run.link)
      ? { link: run.link, color: LINK, decoration: 'underline' as const }
      : {}),
  }));
}

/** One block of authored text; `paragraphStyle` is '' inside a list item, which has no gap. */
function textBlockContent(block: TextBlock, paragraphStyle: 'paragraph' | '', depth = 0): Content {
  switch (block.kind) {
    case 'paragraph':
      return { text: linesContent(block.lines), style: paragraphStyle };
    case 'heading':
      return { text: linesContent(block.lines), style: 'textHeading' };
    case 'list':
      return listContent(block, depth);
    case 'table':
      return textTableContent(block);
    case 'quote':
      return {
        stack: block.blocks.map((inner) => textBlockContent(inner, 'paragraph', depth)),
        color: MUTED,
        margin: [14, 0, 0, 0],
      };
    case 'code':
      return { text: block.text, style: 'paragraph', preserveLeadingSpaces: true };
    case 'rule':
      return rule();
  }
}

/** Lines of runs, each line after the first on a new line. */
function linesContent(lines: TextRun[][]): Content[] {
  return lines.flatMap((line, index) => [
    ...(index > 0 ? [{ text: '\n' }] : []),
    ...runsContent(line),
  ]);
}

const BULLET_TYPES = ['disc', 'circle', 'square'] as const;

/** A numbered list keeps its start number; a nested list sits in its item, indented. */
function listContent(block: Extract<TextBlock, { kind: 'list' }>, depth: number): Content {
  const items = block.items.map((item) => {
    const parts = item.map((inner) => textBlockContent(inner, '', depth + 1));
    return parts.length === 1 ? (parts[0] as Content) : { stack: parts };
  });
  const margin: [number, number, number, number] = [0, 0, 0, depth === 0 ? 6 : 0];
  return block.ordered
    ? { ol: items, start: block.start, margin }
    : { ul: items, type: BULLET_TYPES[depth % BULLET_TYPES.length], margin };
}

function textTableContent(block: Extract<TextBlock, { kind: 'table' }>): Content {
  const fontSize = headerFontSize(block.header.map((cell) => runsToText(cell)));
  const header: TableCell[] = block.header.map((cell, index) => ({
    text: unbreakableWords(runsToText(cell)),
    style: 'tableHeader',
    fontSize,
    alignment: block.align[index] ?? 'left',
  }));
  const body: TableCell[][] = block.rows.map((row) =>
    block.header.map((_, index) => ({
      text: runsContent(row[index] ?? []),
      style: 'tableCell',
      alignment: block.align[index] ?? 'left',
    })),
  );
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: block.header.map(() => 'auto'),
      body: [header, ...body],
    },
    layout: ruledTable,
    margin: [0, 2, 0, 10],
  };
}

function runsToText(runs: TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** A header's words, each kept whole: a line may break between them, never inside one. */
function unbreakableWords(text: string): Content[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [{ text: '' }];
  return words.flatMap((word, index) => [
    ...(index > 0 ? [{ text: ' ' }] : []),
    { text: word, noWrap: true },
  ]);
}

const HEADER_FONT_SIZE = 9;
const SMALLEST_HEADER_FONT_SIZE = 6;
// A generous estimate of a bold DejaVu Sans character's width, in ems, and a cell's padding.
const BOLD_EM_PER_CHARACTER = 0.68;
const CELL_PADDING = 8;

/** The header's font size: smaller when its longest words would not fit side by side. */
function headerFontSize(labels: string[]): number {
  const longestWords = labels.map((label) =>
    Math.max(0, ...label.split(/\s+/).map((word) => [...word].length)),
  );
  const characters = longestWords.reduce((sum, length) => sum + length, 0);
  const room = CONTENT_WIDTH - CELL_PADDING * labels.length;
  const fitting = room / (Math.max(1, characters) * BOLD_EM_PER_CHARACTER);
  return Math.max(
    SMALLEST_HEADER_FONT_SIZE,
    Math.min(HEADER_FONT_SIZE, Math.floor(fitting * 2) / 2),
  );
}

function tableContent(columns: TableColumn[], rows: string[][], caption?: string): Content[] {
  const align = (column: TableColumn | undefined) => (column?.align === 'right' ? 'right' : 'left');
  const fontSize = headerFontSize(columns.map((column) => column.label));
  const header: TableCell[] = columns.map((column) => ({
    text: unbreakableWords(column.label),
    style: 'tableHeader',
    fontSize,
    alignment: align(column),
  }));
  const body: TableCell[][] = rows.map((row) =>
    columns.map((column, index) => ({
      text: row[index] ?? '',
      style: 'tableCell',
      alignment: align(column),
      bold: index === 0,
    })),
  );
  const table: Content = {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columnWidths(columns),
      body: [header, ...body],
    },
    layout: {
      ...ruledTable,
      fillColor: (row) => (row > 0 && row % 2 === 0 ? '#f4f6f8' : null),
    },
    margin: [0, 0, 0, 10],
  };
  return caption
    ? [{ stack: [{ text: caption, style: 'caption' }, table], unbreakable: rows.length < 25 }]
    : [table];
}

/** The widest text column takes the spare width: the last left-aligned one after the first. */
function columnWidths(columns: TableColumn[]): ('*' | 'auto')[] {
  const textColumns = columns.map((column, index) =>
    index > 0 && column.align === 'left' ? index : -1,
  );
  const flexible = Math.max(0, ...textColumns);
  return columns.map((_, index) => (index === flexible ? '*' : 'auto'));
}

/** The chart as a figure with its description as alternative text, then its values as a table. */
function chartContent(chart: ChartSpec, words: ReportWording): Content[] {
  const thresholds = thresholdSummary(chart, words);
  const { columns, rows } = chartToTable(chart, words);
  return [
    {
      stack: [
        { text: chart.title, style: 'caption' },
        ...(thresholds
          ? [{ text: `${words.dashedLines}: ${thresholds}.`, style: 'chartNote' }]
          : []),
        asFigure(
          {
            svg: renderChartSvg(chart, { width: 680, height: 320, words }),
            width: CONTENT_WIDTH,
            font: fontFamily,
          },
          chartDescription(chart, words),
        ),
      ],
      unbreakable: true,
      margin: [0, 4, 0, 10],
    },
    ...tableContent(columns, rows),
  ];
}
