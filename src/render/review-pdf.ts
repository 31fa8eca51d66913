import pdfMake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { documentLanguage } from './common.ts';
import { fontFamily } from './pdf.ts';
import {
  ACCENT,
  INK,
  MUTED,
  PAGE_MARGINS,
  RUNNING,
  headingKeptWithContent,
  ruledTable,
} from './pdf-style.ts';
import { tagContent } from './pdf-tags.ts';
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

/** The after-action review as an A4 PDF with bookmarks and "Sida N av M" footers. */
export async function renderReviewPdf(document: ReviewDocument): Promise<Buffer> {
  return pdfMake.createPdf(definition(document)).getBuffer();
}

function definition(document: ReviewDocument): TDocumentDefinitions {
  const title = reviewTitle(document);
  const words = reviewWordingOf(document);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title, subject: document.eventName },
    language: documentLanguage(document.language),
    version: '1.7',
    tagged: true,
    displayTitle: true,
    defaultStyle: { font: fontFamily, fontSize: 10, lineHeight: 1.3, color: INK },
    styles: STYLES,
    header: () => ({
      margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
      style: RUNNING,
      columns: [
        { text: markers(document).join(' · ') || title, style: RUNNING },
        { text: reviewCompiledLine(document), alignment: 'right', style: RUNNING },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
      style: RUNNING,
      text: `${words.page[0]}${currentPage}${words.page[1]}${pageCount}`,
      alignment: 'right',
    }),
    pageBreakBefore: headingKeptWithContent(),
    content: tagContent(
      [
        ...titleContent(document),
        heading(words.headings.summary),
        table(words.summaryColumns, summaryRows(document), ['*', 'auto']),
        heading(words.headings.timeline),
        { text: document.filterDescription, style: 'facts' },
        timelineContent(document),
        heading(words.headings.lessons),
        ...lessonsContent(document),
      ],
      REVIEW_HEADING_LEVELS,
    ),
  };
}

/** The title is the document's one H1, the parts H2 and each lesson H3. */
const REVIEW_HEADING_LEVELS = { title: 1, h1: 2, h2: 3 } as const;

const STYLES: TDocumentDefinitions['styles'] = {
  [RUNNING]: { fontSize: 8, color: MUTED },
  eventName: { fontSize: 9, color: MUTED, characterSpacing: 0.6, margin: [0, 0, 0, 2] },
  title: { fontSize: 22, bold: true, color: ACCENT, margin: [0, 0, 0, 6], lineHeight: 1.1 },
  compiled: { fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
  facts: { fontSize: 9, color: MUTED, margin: [0, 0, 0, 8] },
  h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 16, 0, 6] },
  h2: { fontSize: 12.5, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
  note: { fontSize: 9.5, bold: true, color: '#8a1c1c', margin: [0, 0, 0, 8] },
  tableHeader: { bold: true, fontSize: 9, fillColor: '#eef2f7' },
  tableCell: { fontSize: 9 },
  muted: { fontSize: 9, color: MUTED },
};

function markers(document: ReviewDocument): string[] {
  const words = reportWordingOf(document);
  return [
    document.isExercise ? words.exerciseBanner : '',
    document.includesInternal ? words.internalMarker : '',
  ].filter((marker) => marker !== '');
}

function titleContent(document: ReviewDocument): Content[] {
  const words = reportWordingOf(document);
  return [
    { text: document.eventName.toUpperCase(), style: 'eventName' },
    { text: reviewTitle(document), style: 'title' },
    { text: reviewCompiledLine(document), style: 'compiled' },
    { text: periodLine(document), style: 'facts' },
    ...(document.isExercise
      ? [{ text: `${words.exerciseBanner}: ${words.exerciseNote}`, style: 'note' }]
      : []),
    ...(document.includesInternal
      ? [
          {
            text: `${words.internalMarker}: ${reviewWordingOf(document).internalNote}`,
            style: 'note',
          },
        ]
      : []),
  ];
}

function heading(text: string, level: 1 | 2 = 1): Content {
  return { text, style: `h${level}`, headlineLevel: level, outline: level === 1 };
}

function timelineContent(document: ReviewDocument): Content {
  const words = reviewWordingOf(document);
  if (document.timeline.length === 0) {
    return { text: words.noEntries, style: 'muted' };
  }
  const rows: TableCell[][] = document.timeline.map((entry) => [
    { text: timelineTime(entry, document.timeZone), style: 'tableCell', noWrap: true },
    { text: timelineKind(entry, words), style: 'tableCell' },
    {
      text: [{ text: entry.title, bold: true }, entry.summary ? `\n${entry.summary}` : ''],
      style: 'tableCell',
    },
  ]);
  return tableOf(words.timelineColumns, rows, ['auto', 'auto', '*']);
}

function lessonsContent(document: ReviewDocument): Content[] {
  const words = reviewWordingOf(document);
  if (document.lessons.length === 0) {
    return [{ text: words.noLessons, style: 'muted' }];
  }
  return document.lessons.flatMap((lesson, index) => [
    heading(lessonHeading(lesson, index, words), 2),
    table(words.lessonColumns, lessonFacts(lesson, words), ['auto', '*']),
  ]);
}

function table(columns: string[], rows: [string, string][], widths: string[]): Content {
  return tableOf(
    columns,
    rows.map((row) => row.map((text) => ({ text, style: 'tableCell' }))),
    widths,
  );
}

function tableOf(columns: string[], rows: TableCell[][], widths: string[]): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [columns.map((label) => ({ text: label, style: 'tableHeader' })), ...rows],
    },
    layout: ruledTable,
    margin: [0, 0, 0, 10],
  };
}
