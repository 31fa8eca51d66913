import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { documentLanguage } from './common.ts';
import { A4_PAGE, ACCENT, MUTED, RULE, baseStyles } from './docx-style.ts';
import {
  type ReviewDocument,
  lessonFacts,
  lessonHeading,
  periodLine,
  reportWordingOf,
  reviewCompiledLine,
  reviewTitle,
  reviewWordingOf,
  summaryRows,
  timelineKind,
  timelineTime,
} from './review-document.ts';

/** The after-action review as a Word document with real headings and tables. */
export async function renderReviewDocx(document: ReviewDocument): Promise<Buffer> {
  const words = reviewWordingOf(document);
  return Packer.toBuffer(
    new Document({
      creator: 'Lägesbild',
      title: reviewTitle(document),
      description: document.eventName,
      styles: { default: baseStyles(documentLanguage(document.language)) },
      sections: [
        {
          properties: { page: A4_PAGE },
          footers: { default: pageFooter(words.page) },
          children: [
            ...titleParagraphs(document),
            heading(words.headings.summary, HeadingLevel.HEADING_1),
            table(words.summaryColumns, summaryRows(document)),
            heading(words.headings.timeline, HeadingLevel.HEADING_1),
            mutedParagraph(document.filterDescription),
            ...timelineChildren(document),
            heading(words.headings.lessons, HeadingLevel.HEADING_1),
            ...lessonChildren(document),
          ],
        },
      ],
    }),
  );
}

function pageFooter([page, of]: [string, string]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            children: [page, PageNumber.CURRENT, of, PageNumber.TOTAL_PAGES],
            size: 16,
            color: MUTED,
          }),
        ],
      }),
    ],
  });
}

function titleParagraphs(document: ReviewDocument): Paragraph[] {
  const words = reportWordingOf(document);
  const notes: [string, string][] = [
    ...(document.isExercise
      ? [[words.exerciseBanner, words.exerciseNote] as [string, string]]
      : []),
    ...(document.includesInternal
      ? [[words.internalMarker, reviewWordingOf(document).internalNote] as [string, string]]
      : []),
  ];
  return [
    new Paragraph({
      children: [new TextRun({ text: document.eventName.toUpperCase(), size: 18, color: MUTED })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(reviewTitle(document))] }),
    new Paragraph({ children: [new TextRun({ text: reviewCompiledLine(document), bold: true })] }),
    mutedParagraph(periodLine(document)),
    ...notes.map(
      ([label, text]) =>
        new Paragraph({
          shading: { type: ShadingType.CLEAR, fill: 'F5EEFA', color: 'auto' },
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: '6B2C91', space: 6 } },
          children: [new TextRun({ text: `${label} – `, bold: true }), new TextRun(text)],
        }),
    ),
  ];
}

function heading(text: string, level: (typeof HeadingLevel)['HEADING_1' | 'HEADING_2']): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

function mutedParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, size: 18, color: MUTED })] });
}

function timelineChildren(document: ReviewDocument): (Paragraph | Table)[] {
  const words = reviewWordingOf(document);
  if (document.timeline.length === 0) return [mutedParagraph(words.noEntries)];
  const rows = document.timeline.map(
    (entry) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([new TextRun({ text: timelineTime(entry, document.timeZone), size: 20 })]),
          cell([new TextRun({ text: timelineKind(entry, words), size: 20 })]),
          cell([
            new TextRun({ text: entry.title, bold: true, size: 20 }),
            ...(entry.summary ? [new TextRun({ text: entry.summary, size: 20, break: 1 })] : []),
          ]),
        ],
      }),
  );
  return [tableOf(words.timelineColumns, rows), spacer()];
}

function lessonChildren(document: ReviewDocument): (Paragraph | Table)[] {
  const words = reviewWordingOf(document);
  if (document.lessons.length === 0) return [mutedParagraph(words.noLessons)];
  return document.lessons.flatMap((lesson, index) => [
    heading(lessonHeading(lesson, index, words), HeadingLevel.HEADING_2),
    table(words.lessonColumns, lessonFacts(lesson, words)),
  ]);
}

function table(columns: string[], rows: [string, string][]): Table {
  return tableOf(
    columns,
    rows.map(
      ([label, text]) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([new TextRun({ text: label, bold: true, size: 20 })]),
            cell([new TextRun({ text, size: 20 })]),
          ],
        }),
    ),
  );
}

function tableOf(columns: string[], rows: TableRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((label) =>
      cell([new TextRun({ text: label, bold: true, size: 20 })], { header: true }),
    ),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE },
    },
    rows: [header, ...rows],
  });
}

function cell(children: TextRun[], kind: { header?: boolean } = {}): TableCell {
  return new TableCell({
    shading: kind.header ? { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } : undefined,
    borders: kind.header
      ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT } }
      : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ spacing: { after: 0 }, children })],
  });
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 60 }, children: [] });
}
