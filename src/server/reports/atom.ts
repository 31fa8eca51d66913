import type { ReportSnapshot } from '../../core/report-snapshot.ts';
import { reportWording } from '../../core/report-wording.ts';
import type { EventRow } from '../events/repository.ts';

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * An Atom feed of the event's public reports, newest first, for feed readers and intranets, in
 * the event's language.
 */
export function atomFeed(event: EventRow, snapshots: ReportSnapshot[], publicUrl: string): string {
  const words = reportWording(event.language);
  const feedUrl = `${publicUrl}/r/${event.id}/feed.atom`;
  const updated = snapshots[0]?.report.publishedAt ?? event.updated_at;
  const entries = snapshots.map((snapshot) => {
    const url = `${publicUrl}/r/${event.id}/${snapshot.report.number}?version=${snapshot.report.version}`;
    const summary = snapshot.sections
      .find((section) => section.blocks.length > 0)
      ?.blocks.map((block) =>
        block.type === 'markdown'
          ? block.markdown
          : block.type === 'bullets'
            ? block.items.join(' ')
            : '',
      )
      .join(' ')
      .slice(0, 400);
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(`${snapshot.report.title} nr ${snapshot.report.number}${snapshot.report.version > 1 ? ` (version ${snapshot.report.version})` : ''}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <updated>${xml(snapshot.report.publishedAt ?? snapshot.report.compiledAt)}</updated>`,
      summary ? `    <summary>${xml(summary)}</summary>` : '',
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${words.language}">`,
    `  <id>${xml(feedUrl)}</id>`,
    `  <title>${xml(words.feedTitle(event.name))}</title>`,
    `  <link rel="self" href="${xml(feedUrl)}"/>`,
    `  <updated>${xml(updated)}</updated>`,
    '  <author><name>Lägesbild</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
