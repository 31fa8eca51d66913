import type { ReportWording } from '../core/report-wording.ts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type {
  Block,
  ChartSpec,
  LabelledLevel,
  ReportSnapshot,
  TableColumn,
} from '../core/report-snapshot.ts';
import { type ChartPng, renderChartPng } from './chart-png.ts';
import { chartDescription, chartToTable, thresholdSummary } from './chart-svg.ts';
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
  A4_PAGE,
  ACCENT,
  MUTED,
  RULE,
  TEXT_WIDTH,
  baseStyles,
  headingStyle,
} from './docx-style.ts';
import { stableDocx } from './docx-stable.ts';
import { type TextBlock, markdownToTextBlocks } from './markdown-blocks.ts';
import { type TextRun as Run, inlineMarkdownToRuns, isAbsoluteUrl } from './markdown-text.ts';

export interface DocxOptions {
  contentHash?: string;
}

const BULLETS = 'report-bullets';

/**
 * The report as a Word document with real heading styles, list numbering, tables and each chart
 * as an image with alternative text, followed by its values. The same snapshot always gives the
 * same bytes: the document's times are the report's own.
 */
export async function renderDocx(
  snapshot: ReportSnapshot,
  options: DocxOptions = {},
): Promise<Buffer> {
  const sections = visibleSections(snapshot);
  const charts = await chartImages(sections, wordingOf(snapshot));
  const document = createDocument(snapshot, sections, options, charts);
  const { publishedAt, compiledAt } = snapshot.report;
  return stableDocx(await Packer.toBuffer(document), new Date(publishedAt ?? compiledAt));
}

/** A chart drawn as a PNG, and the drawing's id in the document (unique, counted from 1). */
type ChartImages = Map<ChartSpec, ChartPng & { id: number }>;

/** Every chart of the sections drawn as PNG, in the order they appear. */
async function chartImages(sections: ReadingSection[], words: ReportWording): Promise<ChartImages> {
  const charts = sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.type === 'chart' ? [block.chart] : [])),
  );
  const drawn = await Promise.all(charts.map((chart) => renderChartPng(chart, words)));
  return new Map(charts.map((chart, index) => [chart, { ...drawn[index]!, id: index + 1 }]));
}

/** What the document's blocks draw on besides their own content. */
interface DocumentParts {
  numbering: Numbering;
  charts: ChartImages;
  words: ReportWording;
}

function createDocument(
  snapshot: ReportSnapshot,
  sections: ReadingSection[],
  options: DocxOptions,
  charts: ChartImages,
): Document {
  const words = wordingOf(snapshot);
  const parts: DocumentParts = { numbering: new Numbering(), charts, words };
  const children = [
    ...titleParagraphs(snapshot),
    ...sections.flatMap((section) => sectionChildren(snapshot, section, parts)),
  ];
  return new Document({
    creator: snapshot.authors.join(', ') || 'Lägesbild',
    title: snapshot.report.title,
    description: snapshot.event.name,
    styles: documentStyles(documentLanguage(snapshot.event.language)),
    numbering: { config: parts.numbering.config() },
    sections: [
      {
        properties: { page: A4_PAGE },
        headers: { default: runningHeader(snapshot) },
        footers: { default: runningFooter(words, options.contentHash) },
        children,
      },
    ],
  });
}

const LIST_LEVELS = 3;

function listIndent(level: number) {
  return { left: 360 * (level + 1) + 360, hanging: 360 };
}

/**
 * The document's list numbering: one bullet definition, and one definition per numbered list so
 * that each list counts from its own start number.
 */
class Numbering {
  private readonly numbered: ReturnType<typeof numberedLevels>[] = [];

  /** A new numbered list whose items at `level` count from `start`; returns its reference. */
  numberedList(start: number, level: number): string {
    const reference = `report-numbers-${this.numbered.length + 1}`;
    this.numbered.push(numberedLevels(reference, start, level));
    return reference;
  }

  config() {
    return [bulletNumbering(), ...this.numbered];
  }
}

function numberedLevels(reference: string, start: number, startLevel: number) {
  return {
    reference,
    levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({
      level,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      start: level === startLevel ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: listIndent(level) } },
    })),
  };
}

function documentStyles(language: string) {
  return {
    default: {
      ...baseStyles(language),
      heading3: headingStyle(23, 200),
      hyperlink: { run: { color: '1A4F8B', underline: {} } },
    },
  };
}

function bulletNumbering() {
  const symbols = ['•', '◦', '▪'];
  return {
    reference: BULLETS,
    levels: symbols.map((text, level) => ({
      level,
      format: LevelFormat.BULLET,
      text,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: listIndent(level) } },
    })),
  };
}

function runningHeader(snapshot: ReportSnapshot): Header {
  const words = wordingOf(snapshot);
  const markers = [
    snapshot.event.isExercise ? words.exerciseBanner : '',
    snapshot.report.audience === 'internal' ? words.internalMarker : '',
  ].filter((marker) => marker !== '');
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          ...(markers.length
            ? [
                new TextRun({
                  text: `${markers.join(' · ')}  `,
                  bold: true,
                  color: '8A1C1C',
                  size: 16,
                }),
              ]
            : []),
          new TextRun({ text: snapshot.report.title, size: 16, color: MUTED }),
          new TextRun({ text: `\t${compiledLine(snapshot)}`, size: 16, color: MUTED }),
        ],
      }),
    ],
  });
}

function runningFooter(words: ReportWording, contentHash: string | undefined): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({
            text: contentHash ? `${words.contentHashLabel}: ${contentHash.slice(0, 16)}…` : '',
            size: 16,
            color: MUTED,
          }),
          new TextRun({
            children: [
              `\t${words.page[0]}`,
              PageNumber.CURRENT,
              words.page[1],
              PageNumber.TOTAL_PAGES,
            ],
            size: 16,
            color: MUTED,
          }),
        ],
      }),
    ],
  });
}

function titleParagraphs(snapshot: ReportSnapshot): Paragraph[] {
  const words = wordingOf(snapshot);
  const paragraphs: Paragraph[] = [];
  if (snapshot.event.isExercise) {
    paragraphs.push(
      markerParagraph(words.exerciseBanner, words.exerciseNote, {
        fill: 'FDE8E8',
        rule: '8A1C1C',
      }),
    );
  }
  paragraphs.push(
    new Paragraph({
      children: [new TextRun({ text: snapshot.event.name.toUpperCase(), size: 18, color: MUTED })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(snapshot.report.title)] }),
    new Paragraph({ children: [new TextRun({ text: compiledLine(snapshot), bold: true })] }),
    new Paragraph({
      children: [
        new TextRun({ text: metadataLines(snapshot).join(' · '), size: 18, color: MUTED }),
      ],
    }),
  );
  if (snapshot.report.audience === 'internal') {
    paragraphs.push(
      markerParagraph(words.internalMarker, words.internalMarkerNote, {
        fill: 'F5EEFA',
        rule: '6B2C91',
      }),
    );
  }
  return paragraphs;
}

function markerParagraph(
  label: string,
  text: string,
  colors: { fill: string; rule: string },
): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, fill: colors.fill, color: 'auto' },
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: colors.rule, space: 6 } },
    spacing: { before: 120, after: 160 },
    children: [new TextRun({ text: `${label} – `, bold: true }), new TextRun(text)],
  });
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function sectionChildren(
  snapshot: ReportSnapshot,
  section: ReadingSection,
  parts: DocumentParts,
): (Paragraph | Table)[] {
  const marker = leadMarker(snapshot, section);
  const updated = sectionUpdatedLine(snapshot, section);
  const before = marker
    ? [
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 0 },
          children: [
            new TextRun({ text: marker.toUpperCase(), bold: true, size: 17, color: MUTED }),
          ],
        }),
      ]
    : [];
  const heading = new Paragraph({
    heading: HEADINGS[section.level],
    children: [new TextRun(sectionHeading(section))],
  });
  const after = updated
    ? [
        new Paragraph({
          spacing: { after: 80 },
          children: [new TextRun({ text: updated, size: 17, color: MUTED })],
        }),
      ]
    : [];
  const flag = section.internal
    ? [
        markerParagraph(parts.words.internalSectionMarker, parts.words.internalSectionNote, {
          fill: 'F5EEFA',
          rule: '6B2C91',
        }),
      ]
    : [];
  return [
    ...before,
    heading,
    ...after,
    ...flag,
    ...section.blocks.flatMap((block) => blockChildren(block, parts)),
  ];
}

function blockChildren(block: Block, parts: DocumentParts): (Paragraph | Table)[] {
  switch (block.type) {
    case 'markdown':
      return markdownToTextBlocks(block.markdown, block.gfm ? 'gfm' : 'subset').flatMap(
        (textBlock) => textBlockChildren(textBlock, parts.numbering),
      );
    case 'bullets':
      return block.items.map((item) =>
        bulletParagraph(runsChildren(inlineMarkdownToRuns(item)), 0),
      );
    case 'table':
      return tableChildren(block.columns, block.rows, block.caption);
    case 'chart':
      return chartChildren(block.chart, parts.charts.get(block.chart)!, parts.words);
    case 'notice':
      return [noticeParagraph(block.text, parts.words)];
    case 'links':
      return block.items.map((item) => bulletParagraph(runsChildren([linkRun(item)]), 0));
    case 'levels':
      return [new Paragraph({ spacing: { after: 120 }, children: levelRuns(block.items) })];
  }
}

/** Each level as "Label: " and its symbol on its colour, then its name in bold. */
function levelRuns(items: LabelledLevel[]): TextRun[] {
  return items.flatMap((item, index) => {
    const colour = item.level.colour.slice(1).toUpperCase();
    return [
      new TextRun(`${index > 0 ? '   ' : ''}${item.label}: `),
      new TextRun({
        text: `\u00a0${item.level.symbol}\u00a0`,
        shading: { type: ShadingType.CLEAR, fill: colour, color: 'auto' },
        color: textColourOn(item.level.colour).slice(1).toUpperCase(),
      }),
      new TextRun({ text: ` ${item.level.name}`, bold: true }),
    ];
  });
}

function linkRun(item: { label: string; url: string }): Run {
  return isAbsoluteUrl(item.url) ? { text: item.label, link: item.url } : { text: item.label };
}

/** Where a block of text sits: in a list item (its first paragraph carries the number) or not. */
interface ListPlace {
  level: number;
  /** The numbering of the item's first paragraph; later paragraphs are only indented. */
  numbering?: { reference: string; level: number };
}

function textBlockChildren(
  block: TextBlock,
  numbering: Numbering,
  place?: ListPlace,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
    case 'code':
      return [textParagraph(block.kind === 'code' ? codeLines(block.text) : block.lines, place)];
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 120, after: 60 },
          children: linesChildren(
            block.lines.map((line) => line.map((run) => ({ ...run, bold: true }))),
          ),
        }),
      ];
    case 'list':
      return listChildren(block, numbering, place ? place.level + 1 : 0);
    case 'table':
      return textTableChildren(block);
    case 'quote':
      return block.blocks.flatMap((inner) =>
        textBlockChildren(inner, numbering, { level: (place?.level ?? -1) + 1 }),
      );
    case 'rule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } },
          children: [],
        }),
      ];
  }
}

function codeLines(text: string): Run[][] {
  return text.split('\n').map((line) => [{ text: line }]);
}

function textParagraph(lines: Run[][], place: ListPlace | undefined): Paragraph {
  const children = linesChildren(lines);
  if (place?.numbering) {
    return new Paragraph({ numbering: place.numbering, spacing: { after: 60 }, children });
  }
  if (place) {
    return new Paragraph({ indent: { left: listIndent(place.level).left }, children });
  }
  return new Paragraph({ children });
}

/** Each item's first paragraph numbered (or bulleted); a nested list one level further in. */
function listChildren(
  block: Extract<TextBlock, { kind: 'list' }>,
  numbering: Numbering,
  depth: number,
): (Paragraph | Table)[] {
  const level = Math.min(depth, LIST_LEVELS - 1);
  const reference = block.ordered ? numbering.numberedList(block.start, level) : BULLETS;
  return block.items.flatMap((item) =>
    item.flatMap((inner, index) =>
      textBlockChildren(inner, numbering, {
        level,
        ...(index === 0 && { numbering: { reference, level } }),
      }),
    ),
  );
}

/** Lines of runs, each line after the first on a new line of the same paragraph. */
function linesChildren(lines: Run[][]): ParagraphChild[] {
  return lines.flatMap((line, index) => [
    ...(index > 0 ? [new TextRun({ text: '', break: 1 })] : []),
    ...runsChildren(line),
  ]);
}

function textTableChildren(block: Extract<TextBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const columns = block.header.map((_, index) => block.align[index] ?? 'left');
  return tableOf(
    columns,
    block.header.map((cell) => runsChildren(cell.map((run) => ({ ...run, bold: true })))),
    block.rows.map((row) => columns.map((_, index) => runsChildren(row[index] ?? []))),
  );
}

function bulletParagraph(children: ParagraphChild[], level: number): Paragraph {
  return new Paragraph({
    numbering: { reference: BULLETS, level: Math.min(level, 2) },
    spacing: { after: 60 },
    children,
  });
}

function runsChildren(runs: Run[]): ParagraphChild[] {
  return runs.map((run) => {
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      style: run.link ? 'Hyperlink' : undefined,
    });
    return run.link && isAbsoluteUrl(run.link)
      ? new ExternalHyperlink({ link: run.link, children: [text] })
      : text;
  });
}

function noticeParagraph(text: string, words: ReportWording): Paragraph {
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, fill: 'FFF6E0', color: 'auto' },
    border: {
      left: { style: BorderStyle.SINGLE, size: 36, color: '9A6A00', space: 6 },
      top: { style: BorderStyle.SINGLE, size: 4, color: '9A6A00', space: 2 },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: '9A6A00', space: 2 },
      right: { style: BorderStyle.SINGLE, size: 4, color: '9A6A00', space: 6 },
    },
    spacing: { before: 120, after: 160 },
    children: [
      new TextRun({ text: `${words.noticePrefix.toUpperCase()} `, bold: true }),
      ...runsChildren(inlineMarkdownToRuns(text)),
    ],
  });
}

function tableChildren(
  columns: TableColumn[],
  rows: string[][],
  caption?: string,
): (Paragraph | Table)[] {
  const captionParagraph = caption
    ? [
        new Paragraph({
          keepNext: true,
          spacing: { before: 120, after: 60 },
          children: [new TextRun({ text: caption, bold: true })],
        }),
      ]
    : [];
  const plain = (text: string, bold: boolean) => [new TextRun({ text, bold, size: 20 })];
  return [
    ...captionParagraph,
    ...tableOf(
      columns.map((column) => column.align),
      columns.map((column) => plain(column.label, true)),
      rows.map((row) => columns.map((_, index) => plain(row[index] ?? '', index === 0))),
    ),
  ];
}

type CellAlignment = 'left' | 'center' | 'right';

/** A Word table whose header row repeats on every page and whose rows never split. */
function tableOf(
  align: CellAlignment[],
  header: ParagraphChild[][],
  rows: ParagraphChild[][][],
): (Paragraph | Table)[] {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: header.map((children, index) => tableCell(children, align[index], true)),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((children, index) => tableCell(children, align[index], false)),
      }),
  );
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE },
    },
    rows: [headerRow, ...body],
  });
  return [table, new Paragraph({ spacing: { after: 60 }, children: [] })];
}

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function tableCell(
  children: ParagraphChild[],
  align: CellAlignment | undefined,
  header: boolean,
): TableCell {
  return new TableCell({
    shading: header ? { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } : undefined,
    borders: header
      ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT } }
      : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        spacing: { after: 0 },
        alignment: ALIGNMENTS[align ?? 'left'],
        children,
      }),
    ],
  });
}

// Word sizes an image in pixels at 96 to the inch; the text width is in twentieths of a point.
const TEXT_WIDTH_PX = (TEXT_WIDTH / 1440) * 96;

/** The chart's title, its threshold lines in words, its image with alternative text, its values. */
function chartChildren(
  chart: ChartSpec,
  image: ChartPng & { id: number },
  words: ReportWording,
): (Paragraph | Table)[] {
  const { columns, rows } = chartToTable(chart, words);
  const thresholds = thresholdSummary(chart, words);
  const scale = Math.min(1, TEXT_WIDTH_PX / image.width);
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [new TextRun({ text: chart.title, bold: true })],
    }),
    ...(thresholds
      ? [
          new Paragraph({
            keepNext: true,
            spacing: { after: 60 },
            children: [
              new TextRun({
                text: `${words.dashedLines}: ${thresholds}.`,
                size: 18,
                color: MUTED,
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({
      keepNext: true,
      spacing: { after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: {
            width: Math.round(image.width * scale),
            height: Math.round(image.height * scale),
          },
          altText: {
            id: String(image.id),
            name: `${words.chart.name} ${image.id}`,
            title: chart.title,
            description: chartDescription(chart, words),
          },
        }),
      ],
    }),
    ...tableChildren(columns, rows, words.chartValues),
  ];
}
