export { chartToTable, renderChartSvg, type ChartSvgOptions } from './chart-svg.ts';
export { renderDocx, type DocxOptions } from './docx.ts';
export { renderEmail, type EmailOptions, type RenderedEmail } from './email.ts';
export { REPORT_CSS, REPORT_CSS_PATH, renderHtml, type HtmlOptions } from './html.ts';
export { renderMarkdown, type MarkdownOptions } from './markdown.ts';
export {
  inlineMarkdownToHtml,
  inlineMarkdownToRuns,
  isAbsoluteUrl,
  isSafeUrl,
  markdownToHtml,
  markdownToPlainText,
  markdownToRichBlocks,
  type RichBlock,
  type TextRun,
} from './markdown-text.ts';
export { renderPdf, type PdfOptions } from './pdf.ts';
export { renderPlainText, type PlainTextOptions } from './plain-text.ts';
