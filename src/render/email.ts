import type { ReportSnapshot } from '../core/report-snapshot.ts';
import { escapeHtml, wordingOf } from './common.ts';
import { embeddedCss } from './html-css.ts';
import { renderReportBody } from './html.ts';
import { isAbsoluteUrl } from './markdown-text.ts';
import { renderPlainText } from './plain-text.ts';

export interface EmailOptions {
  /** Where the published report can be read; only http(s) URLs are linked. */
  reportUrl?: string;
  contentHash?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * A published report as an e-mail: a self-contained HTML part (CSS in the document, no script,
 * charts as value tables since many mail clients drop inline SVG and remote images) and a
 * plain-text part.
 */
export function renderEmail(snapshot: ReportSnapshot, options: EmailOptions = {}): RenderedEmail {
  return {
    subject: emailSubject(snapshot),
    html: emailHtml(snapshot, options),
    text: renderPlainText(snapshot, options),
  };
}

function emailSubject(snapshot: ReportSnapshot): string {
  const words = wordingOf(snapshot);
  const markers = [
    snapshot.event.isExercise ? words.exerciseBanner : '',
    snapshot.report.audience === 'internal' ? words.internalMarker.toUpperCase() : '',
  ].filter((marker) => marker !== '');
  const prefix = markers.length ? `[${markers.join(', ')}] ` : '';
  return `${prefix}${snapshot.report.title}`.replace(/[\r\n\t]+/g, ' ').trim();
}

function emailHtml(snapshot: ReportSnapshot, options: EmailOptions): string {
  const words = wordingOf(snapshot);
  const readOnline =
    options.reportUrl && isAbsoluteUrl(options.reportUrl)
      ? `<div class="page"><p class="read-online"><a href="${escapeHtml(options.reportUrl)}" rel="noopener">${words.readOnline}</a></p></div>`
      : '';
  const body = renderReportBody(snapshot, {
    contentHash: options.contentHash,
    omitContents: true,
    charts: 'table',
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${words.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(snapshot.report.title)}</title>`,
    `<style>\n${embeddedCss(snapshot)}.read-online { margin: 1rem 0 0; }\n</style>`,
    '</head>',
    '<body>',
    readOnline,
    body,
    '</body>',
    '</html>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
