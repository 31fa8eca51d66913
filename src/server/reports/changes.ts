import { diffLines } from 'diff';
import type { Block } from '../../core/report-snapshot.ts';
import { levelsLine } from '../../render/common.ts';
import type { Db } from '../db/schema.ts';
import type { StoredData } from './snapshot.ts';
import { type ReportRow, type SectionRow, latestPublished, sectionsOf } from './repository.ts';

export type SectionChange =
  | { key: string; title: string; change: 'added' | 'removed' | 'unchanged' }
  | { key: string; title: string; change: 'changed'; added: string[]; removed: string[] };

/** Per section: what was added, removed or changed since the last published report. */
export async function changesSincePrevious(db: Db, report: ReportRow, sections: SectionRow[]) {
  const previous = await previousPublished(db, report);
  if (!previous) return { previousReportId: null, sections: [] as SectionChange[] };
  const before = new Map(
    (await sectionsOf(db, previous.id)).map((section) => [section.key, section]),
  );
  const changes: SectionChange[] = sections.map((section) => {
    const old = before.get(section.key);
    before.delete(section.key);
    if (!old) return { key: section.key, title: section.title, change: 'added' };
    return compareSection(old, section);
  });
  for (const removed of before.values())
    changes.push({ key: removed.key, title: removed.title, change: 'removed' });
  return { previousReportId: previous.id, sections: changes };
}

async function previousPublished(db: Db, report: ReportRow) {
  if (report.state !== 'published') return latestPublished(db, report.event_id);
  return latestPublished(db, report.event_id, report.published_at!);
}

function compareSection(old: SectionRow, current: SectionRow): SectionChange {
  const parts = diffLines(comparableText(old), comparableText(current));
  const added = parts.filter((part) => part.added).flatMap((part) => lines(part.value));
  const removed = parts.filter((part) => part.removed).flatMap((part) => lines(part.value));
  if (added.length === 0 && removed.length === 0) {
    return { key: current.key, title: current.title, change: 'unchanged' };
  }
  return { key: current.key, title: current.title, change: 'changed', added, removed };
}

/** Text and data compared as lines, so a changed bullet shows as one removed and one added line. */
function comparableText(section: SectionRow): string {
  const data = JSON.parse(section.data_json) as StoredData;
  return (
    [section.text.trim(), ...data.internal.flatMap(blockLines)].filter(Boolean).join('\n') + '\n'
  );
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'markdown':
      return block.markdown.split('\n');
    case 'bullets':
      return block.items;
    case 'table':
      return block.rows.map((row) => row.join(' | '));
    case 'notice':
      return [block.text];
    case 'links':
      return block.items.map((link) => `${link.label} ${link.url}`);
    case 'levels':
      return [levelsLine(block.items)];
    case 'chart':
      return [];
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
